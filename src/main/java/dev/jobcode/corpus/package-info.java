/**
 * CVs: the fictional corpus generator built from O*NET facts, and the JSONL/CSV files of CVs that
 * the candidate index is built from. Depends only on the taxonomy.
 */
package dev.jobcode.corpus;
