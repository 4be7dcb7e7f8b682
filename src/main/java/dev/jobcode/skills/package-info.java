/**
 * The technology skills and tools a text (a CV, a job posting) names, from O*NET's Technology
 * Skills and Tools Used files: a {@link dev.jobcode.skills.SkillDictionary} of their example names,
 * and a {@link dev.jobcode.skills.SkillMatcher} that finds them in a text with the places they were
 * found. Names that are also ordinary words ("Go", "R", "Excel", "Swift") are found only where the
 * context says software. Depends on the taxonomy's file reader, the table reader and the JSON
 * mapper.
 */
package dev.jobcode.skills;
