/**
 * Accuracy measurement: labelled sets of titles with acceptable codes, scored at O*NET, SOC and
 * major-group level, per row and per unique title; and the held-out evaluation of the candidate
 * index's CVs.
 */
package dev.jobcode.eval;
