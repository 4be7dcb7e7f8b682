/**
 * The O*NET-SOC taxonomy as read from O*NET's tab-delimited text database: occupations, the texts
 * that describe them (titles, alternate and reported titles, tasks) and the SOC code hierarchy.
 * Depends only on the table reader.
 */
package dev.jobcode.taxonomy;
