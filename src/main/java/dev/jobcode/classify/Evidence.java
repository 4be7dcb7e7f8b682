package dev.jobcode.classify;

import dev.jobcode.taxonomy.TextKind;

/** A document that matched the query: what kind of text, the text, and its cosine similarity. */
public record Evidence(TextKind kind, String text, double score) {}
