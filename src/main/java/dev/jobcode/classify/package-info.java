/**
 * Turns a job title (and optional description) into ranked occupations with evidence, by one of
 * several aggregation modes over the occupation index.
 */
package dev.jobcode.classify;
