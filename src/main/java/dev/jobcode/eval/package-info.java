/**
 * Accuracy measurement: labelled sets of titles with acceptable codes, scored at O*NET, SOC and
 * major-group level, per row and per unique title.
 */
package dev.jobcode.eval;
