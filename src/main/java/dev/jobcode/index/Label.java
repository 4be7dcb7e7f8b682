package dev.jobcode.index;

import dev.jobcode.taxonomy.TextKind;

/** One occupation a document's text belongs to, and as what kind of text. */
public record Label(String code, TextKind kind) {}
