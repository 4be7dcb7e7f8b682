/** The command line: one class per verb, defaults in one place, and the launcher's entry point. */
package dev.jobcode.cli;
