#!/usr/bin/env bash
# Runs thememiner on a Spark cluster with spark-submit (docs/cluster.md):
#
#   jobs/submit.sh --master URL [spark-submit options] -- <thememiner arguments>
#
#   jobs/submit.sh --master spark://head:7077 -- run --input /shared/review/pdfs --out /shared/runs/review --themes 8
#   jobs/submit.sh --master yarn --deploy-mode client --num-executors 8 -- run --job /shared/review.yaml
#   jobs/submit.sh --master k8s://https://api.example:6443 --deploy-mode cluster \
#       --conf spark.kubernetes.container.image=registry/thememiner:0.1.0 -- run --input /data/in --out /data/out
#
# URL is spark://HOST:PORT (standalone), yarn, k8s://https://HOST:PORT or local[N]. Everything before "--" goes
# to spark-submit as it is; everything after it to thememiner (run|extract and their flags; not --master).
# What it adds:
#   --class org.thememiner.job.Main, the application jar target/cluster/thememiner-<version>-cluster.jar
#     (built with mvn -Pcluster on first use and when the sources are newer), and the CoreNLP models jar in
#     --jars (added to any --jars you give);
#   --properties-file jobs/cluster/{standalone,yarn,k8s}.conf by the master's kind (executor memory sized for
#     CoreNLP, cores, partitions), unless you give --properties-file; --load-spark-defaults keeps your
#     spark-defaults.conf beneath it; your --conf and options win over both;
#   Spark's Java 17 --add-opens list (pom.xml, spark.jvm.opens) as spark.driver.defaultJavaOptions and
#     spark.executor.defaultJavaOptions, so your own extraJavaOptions still apply.
# It runs $SPARK_HOME/bin/spark-submit when SPARK_HOME is set; otherwise a SPARK_HOME generated in
# target/spark-home from Maven-resolved Spark (its bin/spark-submit runs org.apache.spark.deploy.SparkSubmit
# through Spark's own launcher).
#
# Environment:
#   SPARK_HOME              a Spark 4.1 / Scala 2.13 installation to submit with (optional, see above)
#   THEMEMINER_APP_JAR      the application jar to submit instead of building one (e.g. hdfs://..., local:///...)
#   THEMEMINER_MODELS_JAR   where executors get the CoreNLP models jar (e.g. hdfs://.../stanford-corenlp-4.5.10-models.jar,
#                           local:///opt/thememiner/...); default: the one Maven resolved, uploaded by spark-submit
#   THEMEMINER_LOG          log level of the driver's console with the generated SPARK_HOME (default warn)
# Exit code: thememiner's (0 ok, 1 failed, 2 invalid arguments, 3 some inputs failed); 2 for a usage error here.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cluster/lib.sh"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

spark_args=()
app_args=()
master=""
user_jars=""
have_props=false
have_name=false
while (($# > 0)); do
  case "$1" in
    --) shift; app_args=("$@"); break ;;
    -h | --help) usage ;;
    --master) (($# >= 2)) || tm_die "--master needs a URL"; master="$2"; spark_args+=("$1" "$2"); shift 2 ;;
    --master=*) master="${1#--master=}"; spark_args+=("$1"); shift ;;
    --jars) (($# >= 2)) || tm_die "--jars needs a list"; user_jars="$2"; shift 2 ;;
    --jars=*) user_jars="${1#--jars=}"; shift ;;
    --class | --class=*) tm_die "the main class is thememiner's (org.thememiner.job.Main); do not give --class" ;;
    --properties-file | --properties-file=*) have_props=true; spark_args+=("$1"); shift ;;
    --name | --name=*) have_name=true; spark_args+=("$1"); shift ;;
    *) spark_args+=("$1"); shift ;;
  esac
done
[[ -n "$master" ]] || { echo "submit.sh: --master URL is required" >&2; usage; }
((${#app_args[@]} > 0)) || tm_die "no thememiner arguments: put them after \"--\", e.g. -- run --input DIR --out DIR"
for a in "${app_args[@]}"; do
  [[ "$a" != --master && "$a" != --master=* ]] ||
    tm_die "give the master to spark-submit (--master before \"--\"), not to thememiner"
done

case "$master" in
  spark://*) props="$tm_root/jobs/cluster/standalone.conf" ;;
  yarn) props="$tm_root/jobs/cluster/yarn.conf" ;;
  k8s://*) props="$tm_root/jobs/cluster/k8s.conf" ;;
  local*) props="" ;;
  *) tm_die "unknown master $master: use spark://HOST:PORT, yarn, k8s://https://HOST:PORT or local[N]" ;;
esac

app_jar="${THEMEMINER_APP_JAR:-}"
[[ -n "$app_jar" ]] || app_jar="$(tm_cluster_jar)"
models_jar="${THEMEMINER_MODELS_JAR:-}"
[[ -n "$models_jar" ]] || models_jar="$(tm_models_jar)"
if [[ "$models_jar" != *://* ]]; then
  [[ -f "$models_jar" ]] || tm_die "CoreNLP models jar $models_jar not found (THEMEMINER_MODELS_JAR or mvn -Pcluster package)"
fi

if [[ -n "${SPARK_HOME:-}" ]]; then
  submit="$SPARK_HOME/bin/spark-submit"
  [[ -x "$submit" ]] || tm_die "SPARK_HOME=$SPARK_HOME has no bin/spark-submit"
else
  tm_spark_home "$tm_root/target/spark-home"
  submit="$tm_root/target/spark-home/bin/spark-submit"
fi

# A master on loopback is a cluster on this machine (jobs/local-cluster.sh): the driver must listen on loopback
# too, or executors would be sent to the address of the host name.
if [[ "$master" =~ ^spark://(127\.[0-9.]+|localhost)(:[0-9]+)?$ && -z "${SPARK_LOCAL_IP:-}" ]]; then
  export SPARK_LOCAL_IP=127.0.0.1
fi

# The Master of jobs/local-cluster.sh has its web UI on a free port: tell the driver where, so that it can say what
# the Workers offer if no executor joins (spark.thememiner.executorWait, docs/cluster.md).
local_cluster="$(tm_local_cluster_dir)"
master_ui=""
if [[ -s "$local_cluster/master-url" && "$(cat "$local_cluster/master-url")" == "$master" && -s "$local_cluster/master-ui" ]]; then
  master_ui="$(cat "$local_cluster/master-ui")"
fi

opens="$(tm_opens)"
args=(--class org.thememiner.job.Main)
$have_name || args+=(--name thememiner)
if [[ -n "$props" ]] && ! $have_props; then args+=(--properties-file "$props" --load-spark-defaults); fi
args+=(--jars "$models_jar${user_jars:+,$user_jars}")
args+=(--conf "spark.driver.defaultJavaOptions=$opens -Dthememiner.log=${THEMEMINER_LOG:-warn}")
args+=(--conf "spark.executor.defaultJavaOptions=$opens")
[[ -z "$master_ui" ]] || args+=(--conf "spark.thememiner.masterWebUi=$master_ui")
args+=("${spark_args[@]}")
args+=("$app_jar" "${app_args[@]}")
exec "$submit" "${args[@]}"
