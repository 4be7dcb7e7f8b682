/**
 * Text out of the CV files recruiters have: PDF, Word (.docx, .doc), OpenDocument text, RTF, HTML,
 * Markdown and plain text, read with Apache Tika within size, length and time limits, and refused
 * with a reason a person can act on otherwise. {@link dev.jobcode.documents.TextExtractor} is the
 * entry point; {@link dev.jobcode.documents.Mojibake} repairs UTF-8 that was read as Windows-1252.
 * Depends on nothing else in jobcode.
 */
package dev.jobcode.documents;
