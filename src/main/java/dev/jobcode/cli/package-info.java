/**
 * The command line: one class per verb that parses its options, calls the layer that does the
 * work (measurement in {@code measure}, evaluation in {@code eval}) and prints through picocli's
 * writers; defaults in one place, and the launcher's entry point.
 */
package dev.jobcode.cli;
