/** Strict reading of CSV and TSV files with a header row (inputs of batch classification and evaluation). */
package dev.jobcode.table;
