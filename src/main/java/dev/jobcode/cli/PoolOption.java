package dev.jobcode.cli;

import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.PoolMeta;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.opensearch.OpenSearchPool;
import dev.jobcode.opensearch.OpenSearchTarget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the candidate pool lives, for the commands that use CVs (a picocli mixin): a folder of this
 * machine ({@code --pool DIR}, the default) or an OpenSearch cluster ({@code --candidates opensearch
 * --opensearch-url URL}). Opens it as each command needs.
 */
final class PoolOption {
  static final String PASSWORD_ENV = "JOBCODE_OPENSEARCH_PASSWORD";
  static final String USER_ENV = "JOBCODE_OPENSEARCH_USER";

  /** The two candidate stores. */
  enum Store { embedded, opensearch }

  @Option(names = "--candidates", paramLabel = "STORE",
      description = "where the candidate pool lives: embedded (a folder, --pool; the default) or opensearch "
          + "(a cluster, --opensearch-url)")
  Store store;

  @Option(names = "--pool", paramLabel = "DIR",
      description = "embedded pool folder (default: index/candidates, beside the occupation indexes)")
  Path pool;

  @Option(names = "--opensearch-url", paramLabel = "URL[,URL…]",
      description = "the OpenSearch cluster's nodes (https for TLS), e.g. http://127.0.0.1:9200")
  String openSearchUrl;

  @Option(names = "--opensearch-index", paramLabel = "NAME",
      description = "the pool's index (an alias) in OpenSearch (default: " + OpenSearchTarget.DEFAULT_INDEX + ")")
  String openSearchIndex;

  @Option(names = "--opensearch-user", paramLabel = "USER",
      description = "OpenSearch user for basic authentication (or $" + USER_ENV + "); its password in "
          + "--opensearch-password-file or $" + PASSWORD_ENV)
  String openSearchUser;

  @Option(names = "--opensearch-password-file", paramLabel = "FILE", description = "the OpenSearch user's password")
  Path openSearchPasswordFile;

  @Option(names = "--opensearch-shards", paramLabel = "N",
      description = "primary shards of a new OpenSearch pool (default: " + OpenSearchTarget.DEFAULT_SHARDS + ")")
  Integer shards;

  @Option(names = "--opensearch-replicas", paramLabel = "N",
      description = "replicas of each shard of a new OpenSearch pool (default: " + OpenSearchTarget.DEFAULT_REPLICAS
          + ")")
  Integer replicas;

  @Option(names = "--opensearch-ef-search", paramLabel = "N",
      description = "HNSW candidates visited per shard in an OpenSearch search (default: "
          + OpenSearchTarget.DEFAULT_EF_SEARCH + ")")
  Integer efSearch;

  @Option(names = "--opensearch-int8",
      description = "a new OpenSearch pool searches its vectors as 8-bit integers (Lucene scalar quantisation: a "
          + "quarter of the memory; the floats stay on disk)")
  boolean int8;

  /** True when the user named the pool (a folder or a cluster). */
  boolean given() {
    return pool != null || openSearch();
  }

  boolean openSearch() {
    Store chosen = store != null ? store : openSearchUrl != null ? Store.opensearch : Store.embedded;
    if (chosen == Store.embedded && (openSearchUrl != null || openSearchIndex != null)) {
      throw new Main.UsageException("--opensearch-url and --opensearch-index are for --candidates opensearch");
    }
    if (chosen == Store.opensearch && pool != null) {
      throw new Main.UsageException("--pool is the embedded store's folder; with --candidates opensearch name the "
          + "cluster with --opensearch-url (and --opensearch-index)");
    }
    return chosen == Store.opensearch;
  }

  /** The embedded pool's folder. */
  Path dir() {
    return pool != null ? pool : Defaults.pool();
  }

  OpenSearchTarget target() {
    if (openSearchUrl == null) {
      throw new Main.UsageException("--candidates opensearch needs --opensearch-url http://HOST:9200");
    }
    try {
      OpenSearchTarget target = OpenSearchTarget.of(openSearchUrl,
          openSearchIndex != null ? openSearchIndex : OpenSearchTarget.DEFAULT_INDEX);
      target = target.withLayout(shards != null ? shards : target.shards(),
          replicas != null ? replicas : target.replicas(), efSearch != null ? efSearch : target.efSearch())
          .withInt8(int8);
      String user = openSearchUser != null ? openSearchUser : blankToNull(System.getenv(USER_ENV));
      String password = Tokens.read(openSearchPasswordFile, "--opensearch-password-file", PASSWORD_ENV);
      if (user != null && password == null) {
        throw new Main.UsageException("--opensearch-user needs a password: --opensearch-password-file FILE or $"
            + PASSWORD_ENV);
      }
      return user == null ? target : target.withCredentials(user, password);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException(e.getMessage());
    }
  }

  /** For people: the folder, or the cluster and index. */
  String location() {
    return openSearch() ? target().location() : dir().toString();
  }

  /** True when there is a pool where this names. */
  boolean exists() {
    return openSearch() ? OpenSearchPool.exists(target()) : PoolMeta.exists(dir());
  }

  /** Opens the pool to read and write, creating it (encoded by {@code model}) when missing. */
  CandidateStore openWritable(ModelInfo model, HnswParams hnsw) {
    return openSearch() ? OpenSearchPool.open(target(), model, hnsw) : CandidatePool.open(dir(), model, hnsw);
  }

  /** The existing pool, to change without encoding (a delete, an import of vectors). */
  CandidateStore openExisting() {
    requireExists();
    return openSearch() ? OpenSearchPool.openExisting(target()) : CandidatePool.openExisting(dir());
  }

  /** The existing pool, to read. */
  CandidateStore openReadOnly() {
    requireExists();
    return openSearch() ? OpenSearchPool.openReadOnly(target()) : CandidatePool.openReadOnly(dir());
  }

  /** Encodes every CV again with {@code encoder}; the pool is swapped whole when done. */
  PoolMeta reencode(Encoder encoder, HnswParams hnsw, ProgressListener progress) {
    requireExists();
    return openSearch() ? OpenSearchPool.reencode(target(), encoder, hnsw, progress)
        : CandidatePool.reencode(dir(), encoder, hnsw, progress);
  }

  void requireExists() {
    if (!exists()) {
      throw new Main.UsageException("there is no candidate pool at " + location());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
