package dev.jobcode.opensearch;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a pool lives in OpenSearch and how a new one is laid out.
 *
 * @param urls the cluster's nodes (any of them answers; the client moves to another when one is down)
 * @param index the pool's name: an alias of the concrete index, so that a re-encoding can swap it
 * @param user with {@code password}: HTTP basic authentication (null: none)
 * @param shards primary shards of a new pool's index
 * @param replicas copies of each shard on other nodes
 * @param efSearch candidates the HNSW search visits per shard (at least k)
 * @param int8 a new pool's vectors searched as 8-bit integers (Lucene's scalar quantisation: a
 *     quarter of the memory), the floats kept on disk beside them
 */
public record OpenSearchTarget(List<URI> urls, String index, String user, String password, int shards,
                               int replicas, int efSearch, boolean int8) {
  public static final String DEFAULT_INDEX = "jobcode-candidates";
  public static final int DEFAULT_SHARDS = 2;
  public static final int DEFAULT_REPLICAS = 1;
  /** Recall@10 against exact search was 0.99+ at 100 on the 10,000-CV pool (README). */
  public static final int DEFAULT_EF_SEARCH = 100;

  // OpenSearch's index names: lower case, no spaces or \/*?"<>|,#:, not starting with -_+
  private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,200}");

  public OpenSearchTarget {
    urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("name at least one OpenSearch URL");
    }
    for (URI url : urls) {
      if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
          || url.getHost() == null) {
        throw new IllegalArgumentException("an OpenSearch URL must look like http://HOST:PORT or https://HOST:PORT, got '"
            + url + "'");
      }
    }
    if (index == null || !INDEX_NAME.matcher(index).matches()) {
      throw new IllegalArgumentException("an OpenSearch index name must be lower-case letters, digits, '.', '_' or"
          + " '-', starting with a letter or digit; got '" + index + "'");
    }
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException("an OpenSearch user needs a password, and a password a user");
    }
    if (shards < 1 || shards > 1024) {
      throw new IllegalArgumentException("shards must be 1..1024, got " + shards);
    }
    if (replicas < 0 || replicas > 16) {
      throw new IllegalArgumentException("replicas must be 0..16, got " + replicas);
    }
    if (efSearch < 1 || efSearch > 10_000) {
      throw new IllegalArgumentException("ef_search must be 1..10000, got " + efSearch);
    }
  }

  /** {@code urls} given as one comma-separated string, with the defaults for the rest. */
  public static OpenSearchTarget of(String urls, String index) {
    return new OpenSearchTarget(parseUrls(urls), index, null, null, DEFAULT_SHARDS, DEFAULT_REPLICAS,
        DEFAULT_EF_SEARCH, false);
  }

  public static List<URI> parseUrls(String urls) {
    if (urls == null || urls.isBlank()) {
      throw new IllegalArgumentException("name the cluster with --opensearch-url http://HOST:9200");
    }
    try {
      return java.util.Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty())
          .map(URI::create).toList();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("an OpenSearch URL must look like http://HOST:PORT or https://HOST:PORT, got '"
          + urls + "'");
    }
  }

  public OpenSearchTarget withCredentials(String user, String password) {
    return new OpenSearchTarget(urls, index, user, password, shards, replicas, efSearch, int8);
  }

  public OpenSearchTarget withLayout(int shards, int replicas, int efSearch) {
    return new OpenSearchTarget(urls, index, user, password, shards, replicas, efSearch, int8);
  }

  public OpenSearchTarget withInt8(boolean int8) {
    return new OpenSearchTarget(urls, index, user, password, shards, replicas, efSearch, int8);
  }

  /** The same cluster and settings, another index (a re-encoding's new one). */
  public OpenSearchTarget withIndex(String index) {
    return new OpenSearchTarget(urls, index, user, password, shards, replicas, efSearch, int8);
  }

  /** For people: the first node and the index ("http://127.0.0.1:9200/jobcode-candidates"). */
  public String location() {
    String first = urls.get(0).toString().replaceAll("/+$", "");
    return first + "/" + index + (urls.size() > 1 ? " (+" + (urls.size() - 1) + " nodes)" : "");
  }

  @Override
  public String toString() {   // never the password
    return "OpenSearchTarget[" + location() + (user != null ? ", user " + user : "") + "]";
  }
}
