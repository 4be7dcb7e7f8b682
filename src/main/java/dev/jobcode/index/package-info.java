/**
 * The Lucene side: field names, the atomic index builder, {@code meta.json}, and the opened index
 * that answers nearest-neighbour queries (HNSW, or exact for measuring recall).
 */
package dev.jobcode.index;
