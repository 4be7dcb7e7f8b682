/**
 * Table files as people have them, read and written: CSV (RFC 4180), TSV (plain tab-separated
 * text, quotes and all), Excel workbooks; UTF-8 with or without a byte-order mark, UTF-16 with one;
 * any line ends. The one reader behind batch classification, evaluation sets, CV files and O*NET's
 * own text files. Depends on nothing else in jobcode.
 */
package dev.jobcode.table;
