package dev.jobcode.index;

/** One nearest neighbour: a Lucene document id and its cosine similarity to the query. */
public record Hit(int doc, float score) {}
