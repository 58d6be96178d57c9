#!/bin/sh
# Extraction benchmark (issue 3): renders a fixed sample of the PLOS JATS corpus to PDF and scores thememiner's
# PdfExtractor against plain PDFBox PDFTextStripper, with the XML as ground truth.
#   one-column / two-column: typeset with PDFBox by TypesetJats (running header, "Page x of y" footer)
#   browser one-column: HTML from jats2html.py printed by wkhtmltopdf (apt-get install wkhtmltopdf), if present
# Usage: bench/extract/run.sh [EVERY_NTH=6]   (from the project directory; results in target/bench-extract)
set -eu
every=${1:-6}
shared=${THEMEMINER_SHARED:-../shared}
out=target/bench-extract
mkdir -p "$out/pdf" "$out/html" "$out/classes"
mvn -o -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:$(cat target/bench-classpath.txt)"
javac -d "$out/classes" -cp "$cp" bench/extract/TypesetJats.java bench/extract/ExtractBench.java
sample=$(ls "$shared"/corpus/jats/*.xml | sort | awk -v n="$every" 'NR % n == 1')
java -cp "$out/classes:$cp" TypesetJats "$out/pdf" $sample 2>/dev/null
if command -v wkhtmltopdf >/dev/null; then
  for xml in $sample; do
    name=$(basename "$xml" .xml)
    python3 bench/extract/jats2html.py "$xml" "$out/html/$name.html" one
    wkhtmltopdf -q --page-size A4 "$out/html/$name.html" "$out/pdf/$name.html.pdf" 2>/dev/null || true
  done
fi
java -cp "$out/classes:$cp" ExtractBench "$out/pdf" "$shared/corpus/jats" "$out/per-document.tsv" 2>/dev/null \
  | tee "$out/results.md"
