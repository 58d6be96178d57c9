/**
 * Exports of a finished run folder for the tools methodologists use: a REFI-QDA project ({@link QdpxExport}) for
 * NVivo, ATLAS.ti and MAXQDA, and flat CSV tables ({@link CsvExport}) for R, SPSS and the notebooks. Exports only
 * read the run's output files (papers.jsonl, assignments.csv, themes.json, run.json and, when present,
 * comparison.json) and write into {@code <run>/export/}; they never need Spark.
 */
package org.thememiner.report.export;
