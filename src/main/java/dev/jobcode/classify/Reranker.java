package dev.jobcode.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A learned ranking of a title's top {@link #CANDIDATES} occupations: an XGBoost model over
 * {@link RerankFeatures}, written by {@code jobcode rerank train}. One file per encoder model (its
 * features are that model's similarities), shipped in the jar as {@code rerank/<model id>.ubj}.
 * Thread-safe: XGBoost's prediction is.
 */
public final class Reranker {
  /** How many of the vote's best occupations are re-ranked; the rest keep the vote's order below them. */
  public static final int CANDIDATES = 50;
  /** The attribute that records the features a model was trained on, in column order. */
  public static final String FEATURES_ATTRIBUTE = "jobcode_features";

  private final Booster booster;
  private final String sha256;

  private Reranker(Booster booster, String sha256) {
    this.booster = booster;
    this.sha256 = sha256;
  }

  /** The feature names, in the column order a model must be trained on. */
  public static List<String> featureNames() {
    return RerankFeatures.NAMES;
  }

  /** The re-ranker shipped for an encoder model, if there is one. */
  public static Optional<Reranker> forModel(String modelId) {
    try (InputStream in = Reranker.class.getResourceAsStream("/rerank/" + modelId + ".ubj")) {
      return in == null ? Optional.empty() : Optional.of(of(in.readAllBytes(), "rerank/" + modelId + ".ubj"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model file written by {@code jobcode rerank train}. */
  public static Reranker load(Path file) {
    try {
      return of(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the re-ranker " + file + ": " + e.getMessage(), e);
    }
  }

  private static Reranker of(byte[] bytes, String source) {
    Booster booster;
    try {
      booster = XGBoost.loadModel(bytes);
    } catch (XGBoostError | IOException e) {
      throw new IllegalArgumentException(source + " is not an XGBoost model: " + e.getMessage(), e);
    }
    String features;
    try {
      features = booster.getAttr(FEATURES_ATTRIBUTE);
    } catch (XGBoostError e) {
      throw new IllegalArgumentException(source + ": cannot read its attributes: " + e.getMessage(), e);
    }
    if (!String.join(",", featureNames()).equals(features)) {
      throw new IllegalArgumentException(source + " was trained on other features than this jobcode computes;"
          + " train it again with 'jobcode rerank train'");
    }
    return new Reranker(booster, sha256(bytes));
  }

  /** The model file's sha256: which re-ranker answered, in /health and reports. */
  public String sha256() {
    return sha256;
  }

  /** One score per row, higher is better: the vote's log share plus the trees' correction. */
  float[] score(float[][] rows) {
    if (rows.length == 0) {
      return new float[0];
    }
    DMatrix matrix = null;
    try {
      matrix = matrix(List.of(rows));
      float[][] out = booster.predict(matrix, true, 0);
      float[] scores = new float[rows.length];
      for (int r = 0; r < rows.length; r++) {
        scores[r] = out[r][0];
      }
      return scores;
    } catch (XGBoostError e) {
      throw new IllegalStateException("the re-ranker failed: " + e.getMessage(), e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }

  /**
   * The rows as XGBoost's input, for training and for scoring alike. Each row starts from the
   * vote's log share (XGBoost's base margin): the trees learn a correction of the vote, so where
   * they know nothing the vote's order stands.
   */
  public static DMatrix matrix(List<float[]> rows) throws XGBoostError {
    int columns = RerankFeatures.NAMES.size();
    int logShare = RerankFeatures.NAMES.indexOf("log_share");
    float[] flat = new float[rows.size() * columns];
    float[] base = new float[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, flat, r * columns, columns);
      base[r] = rows.get(r)[logShare];
    }
    DMatrix matrix = new DMatrix(flat, rows.size(), columns, Float.NaN);
    matrix.setBaseMargin(base);
    return matrix;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
