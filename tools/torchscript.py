"""Rebuilds a BERT encoder from the weights of its pinned ONNX file and writes it as TorchScript.

Usage: python3 tools/torchscript.py MODEL.onnx OUT.pt   (tools/torchscript calls it)

Needs Debian's python3-torch and python3-onnx; reads nothing but the ONNX file. The model is
rebuilt in torch (embeddings, post-LayerNorm encoder layers with exact GELU), each weight taken
from the ONNX initializers: a named one by its name, a MatMul weight by the bias its output is
added to (the exporter renames MatMul weights, transposed, to onnx::MatMul_N). Then it is traced
with (input_ids, attention_mask, token_type_ids), the ONNX file's own inputs, and returns
last_hidden_state as the ONNX file does. Pooling and normalising stay in Java, as for ONNX Runtime.
"""
import math
import sys

import onnx
import torch
from onnx import numpy_helper

LAYER_NORM_EPS = 1e-12   # BERT's, and that of every model jobcode knows
HEAD_DIM = 32            # 384 / 12 heads in every model jobcode knows; checked against the graph


def initializers(graph):
    """Every initializer by name, and each MatMul weight under the name of its Linear's weight."""
    weights = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in graph.initializer}
    # A Constant holds the scale of the attention scores (GELU's √2 is the other): its square is the head size.
    for node in graph.node:
        if node.op_type == "Div":
            for const in graph.node:
                if const.op_type == "Constant" and const.output[0] == node.input[1]:
                    value = numpy_helper.to_array(const.attribute[0].t)
                    value = float(value) if value.size == 1 else 0.0
                    if value > 2 and round(value * value) != HEAD_DIM:
                        sys.exit(f"torchscript: attention head size {value * value:.0f}, expected {HEAD_DIM}")
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    for node in graph.node:
        if node.op_type != "MatMul" or node.input[1] not in weights:
            continue
        biases = [i for add in consumers.get(node.output[0], []) if add.op_type == "Add"
                  for i in add.input if i.endswith(".bias")]
        if len(biases) != 1:
            sys.exit(f"torchscript: cannot tell which layer MatMul {node.name} belongs to")
        # ONNX's MatMul weight is [in, out]; torch's Linear keeps [out, in].
        weights[biases[0][:-len("bias")] + "weight"] = weights[node.input[1]].t().contiguous()
    return weights


class Layer(torch.nn.Module):
    def __init__(self, w, prefix, hidden):
        super().__init__()
        self.heads = hidden // HEAD_DIM

        def linear(name):
            weight = w[f"{prefix}.{name}.weight"]
            module = torch.nn.Linear(weight.shape[1], weight.shape[0])
            module.weight = torch.nn.Parameter(weight)
            module.bias = torch.nn.Parameter(w[f"{prefix}.{name}.bias"])
            return module

        def norm(name):
            module = torch.nn.LayerNorm(hidden, eps=LAYER_NORM_EPS)
            module.weight = torch.nn.Parameter(w[f"{prefix}.{name}.weight"])
            module.bias = torch.nn.Parameter(w[f"{prefix}.{name}.bias"])
            return module

        self.query = linear("attention.self.query")
        self.key = linear("attention.self.key")
        self.value = linear("attention.self.value")
        self.attention_out = linear("attention.output.dense")
        self.attention_norm = norm("attention.output.LayerNorm")
        self.intermediate = linear("intermediate.dense")
        self.output = linear("output.dense")
        self.output_norm = norm("output.LayerNorm")

    def split(self, x):
        batch, tokens, _ = x.size()
        return x.view(batch, tokens, self.heads, HEAD_DIM).transpose(1, 2)

    def forward(self, x, mask_bias):
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(HEAD_DIM) + mask_bias
        context = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2)
        context = context.reshape(x.size())
        x = self.attention_norm(self.attention_out(context) + x)
        h = torch.nn.functional.gelu(self.intermediate(x))
        return self.output_norm(self.output(h) + x)


class Bert(torch.nn.Module):
    def __init__(self, w):
        super().__init__()
        self.word = torch.nn.Parameter(w["embeddings.word_embeddings.weight"])
        self.position = torch.nn.Parameter(w["embeddings.position_embeddings.weight"])
        self.token_type = torch.nn.Parameter(w["embeddings.token_type_embeddings.weight"])
        hidden = self.word.shape[1]
        self.norm = torch.nn.LayerNorm(hidden, eps=LAYER_NORM_EPS)
        self.norm.weight = torch.nn.Parameter(w["embeddings.LayerNorm.weight"])
        self.norm.bias = torch.nn.Parameter(w["embeddings.LayerNorm.bias"])
        count = 1 + max(int(n.split(".")[2]) for n in w if n.startswith("encoder.layer."))
        self.layers = torch.nn.ModuleList(Layer(w, f"encoder.layer.{i}", hidden) for i in range(count))

    def forward(self, input_ids, attention_mask, token_type_ids):
        tokens = input_ids.size(1)
        positions = torch.arange(tokens, device=input_ids.device).unsqueeze(0)
        x = self.word[input_ids] + self.position[positions] + self.token_type[token_type_ids]
        x = self.norm(x)
        # Padding keys get the exporter's large negative bias, so softmax gives them no weight.
        mask_bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        for layer in self.layers:
            x = layer(x, mask_bias)
        return x


def main(onnx_path, out_path):
    torch.manual_seed(0)
    model = onnx.load(onnx_path)
    names = [i.name for i in model.graph.input]
    if names != ["input_ids", "attention_mask", "token_type_ids"]:
        sys.exit(f"torchscript: {onnx_path} has inputs {names}, not a BERT export")
    bert = Bert(initializers(model.graph)).eval()
    example = (torch.tensor([[101, 2000, 2001, 102], [101, 2000, 102, 0]]),
               torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]]),
               torch.zeros(2, 4, dtype=torch.long))
    with torch.no_grad():
        traced = torch.jit.trace(bert, example)
        # A shape it was not traced with must give what the module gives: the sizes stayed symbolic.
        check = (torch.tensor([[101, 7, 8, 9, 10, 102]]), torch.ones(1, 6, dtype=torch.long),
                 torch.zeros(1, 6, dtype=torch.long))
        if not torch.allclose(traced(*check), bert(*check), atol=1e-5):
            sys.exit("torchscript: the traced model does not generalise to another length")
    traced.save(out_path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: torchscript.py MODEL.onnx OUT.pt")
    main(sys.argv[1], sys.argv[2])
