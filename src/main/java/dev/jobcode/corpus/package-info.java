/**
 * CVs: the fictional corpus generator built from O*NET facts, and the JSONL, CSV, TSV and Excel files of CVs that
 * the candidate index is built from. Depends on the taxonomy and the table reader.
 */
package dev.jobcode.corpus;
