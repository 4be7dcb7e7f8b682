/**
 * The candidate pool in an OpenSearch cluster (k-NN plugin, Lucene engine): the same store as the
 * embedded one, sharded and replicated across machines. Depends on {@code index} only.
 */
package dev.jobcode.opensearch;
