/**
 * Turns a job title (and optional description) into ranked occupations with evidence, by one of
 * several aggregation modes over the occupation index; classifies a whole table of titles
 * ({@link dev.jobcode.classify.TableClassifier}, over the table reader); searches and votes over
 * the candidate pool.
 */
package dev.jobcode.classify;
