#!/bin/sh
# Embedding benchmark (issue 19): the job's embedding column (Spark local[1], local[2]) against a bare loop of the
# same model on one thread, over N sentences of the JATS corpus; medians of ROUNDS rounds.
# Usage: bench/embed/run.sh [N=2000] [ROUNDS=3] [MODEL=all-minilm-l6-v2-q]   (from the project directory)
set -eu
n=${1:-2000}
rounds=${2:-3}
model=${3:-all-minilm-l6-v2-q}
shared=${THEMEMINER_SHARED:-../shared}
out=target/bench-embed
mkdir -p "$out/classes"
mvn -o -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:$(cat target/bench-classpath.txt)"
javac -d "$out/classes" -cp "$cp" bench/embed/EmbedBench.java
opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' pom.xml)
echo "| model | texts | words per text | bare loop, 1 thread | Spark local[1] | Spark local[2] | overhead | speedup |"
echo "|---|---|---|---|---|---|---|---|"
# shellcheck disable=SC2086
java -Xmx4g $opens -cp "$out/classes:$cp" EmbedBench "$shared/corpus/jats" "$n" "$rounds" "$model" 2>/dev/null
