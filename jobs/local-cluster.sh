#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, for trying jobs/submit.sh and for the cluster tests:
# one Master and two Workers bound to 127.0.0.1 only, run from Maven-resolved Spark (a SPARK_HOME generated
# under the run folder; no Spark installation needed).
#
#   jobs/local-cluster.sh start    start it (if not running) and wait until every Worker has registered;
#                                  prints the master URL (spark://127.0.0.1:PORT) on stdout
#   jobs/local-cluster.sh stop     stop Workers, their executors and the Master (nothing running: no-op)
#   jobs/local-cluster.sh status   what runs; exit 0 when the Master and every Worker run, 3 otherwise
#   jobs/local-cluster.sh url      the master URL of the running cluster
#
# Settings (environment):
#   THEMEMINER_CLUSTER_DIR    run folder: spark-home/, pids, logs/, work/ (default target/local-cluster)
#   THEMEMINER_CLUSTER_WORKERS number of Workers (default 2)
#   THEMEMINER_WORKER_CORES   cores each Worker offers (default: spark.executor.cores of jobs/cluster/standalone.conf, 2)
#   THEMEMINER_WORKER_MEMORY  memory each Worker offers to executors (default: its spark.executor.memory, 3g)
# The defaults make each Worker offer exactly one executor as jobs/submit.sh asks for it, so the documented
# submission runs here without options.
#   THEMEMINER_CLUSTER_TIMEOUT seconds to wait for the Master and the Workers (default 120)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cluster/lib.sh"

dir="$(tm_local_cluster_dir)"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
workers="${THEMEMINER_CLUSTER_WORKERS:-2}"
cores="${THEMEMINER_WORKER_CORES:-$(tm_conf_property standalone.conf spark.executor.cores)}"
memory="${THEMEMINER_WORKER_MEMORY:-$(tm_conf_property standalone.conf spark.executor.memory)}"
timeout="${THEMEMINER_CLUSTER_TIMEOUT:-120}"
home="$dir/spark-home"
logs="$dir/logs"

say() { echo "local-cluster: $*" >&2; }

# The pid in file $1 if that process runs and is one of ours (its command line names this run folder).
live_pid() {
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(cat "$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$dir/" || return 1
  echo "$pid"
}

# Executors our Workers launched: CoarseGrainedExecutorBackend processes running from our SPARK_HOME.
executor_pids() {
  local f pid
  for f in /proc/[0-9]*/cmdline; do
    pid="${f#/proc/}"; pid="${pid%/cmdline}"
    tr '\0' ' ' <"$f" 2>/dev/null | grep -F -- "$home/" | grep -qF CoarseGrainedExecutorBackend && echo "$pid"
  done
  return 0
}

master_url() { [[ -s "$dir/master-url" ]] && cat "$dir/master-url"; }
# The Master's web UI, bound to 127.0.0.1 (SPARK_LOCAL_IP); its log names the port.
master_ui() {
  local port
  port="$(sed -n 's|.*MasterWebUI to 127.0.0.1, and started at http://[^:]*:\([0-9]*\).*|\1|p' "$logs/master.log" 2>/dev/null | tail -n 1)"
  [[ -z "$port" ]] || echo "http://127.0.0.1:$port"
}

# The Master's own view (its JSON endpoint on loopback): "ALIVE_WORKERS ACTIVE_APPS", empty if it does not answer.
master_view() {
  local ui json
  ui="$(master_ui)"
  [[ -n "$ui" ]] || return 0
  json="$(curl -fsS --max-time 5 "$ui/json/" 2>/dev/null)" || return 0
  printf '%s %s\n' "$(sed -n 's/.*"aliveworkers" *: *\([0-9]*\).*/\1/p' <<<"$json")" \
    "$(tr -d '\n' <<<"$json" | sed -n 's/.*"activeapps" *: *\[\(.*\)\] *, *"completedapps".*/\1/p' | grep -o '"id" *: *"app-' | wc -l)"
}

# Starts Spark class $3... in the background with its log in $1 and its pid in $2. The process writes its own
# pid just before it becomes spark-class (exec keeps the pid): $! would name setsid's parent where setsid has
# to fork (when the caller leads a process group), and that parent exits at once.
daemon() {
  local log="$1" pidfile="$2"; shift 2
  rm -f "$pidfile"
  SPARK_LOCAL_IP=127.0.0.1 SPARK_MASTER_HOST=127.0.0.1 SPARK_DAEMON_MEMORY="${SPARK_DAEMON_MEMORY:-512m}" \
    SPARK_DAEMON_JAVA_OPTS="-Dthememiner.log=info -Dspark.master.rest.enabled=false -Dspark.ui.showConsoleProgress=false" \
    setsid nohup bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidfile" "$home/bin/spark-class" "$@" \
    >"$log" 2>&1 </dev/null &
  local deadline=$((SECONDS + 10))
  until [[ -s "$pidfile" ]]; do
    ((SECONDS < deadline)) || { say "could not start $1 (no pid after 10 s; see $log)"; exit 1; }
    sleep 0.1
  done
}

wait_for() { # $1 seconds, $2 what, $3... a command that succeeds when ready
  local deadline=$((SECONDS + $1)) what="$2"; shift 2
  until "$@"; do
    ((SECONDS < deadline)) || { say "timed out after $timeout s waiting for $what (logs in $logs)"; return 1; }
    sleep 0.5
  done
}

all_running() {
  live_pid "$dir/master.pid" >/dev/null || return 1
  local i
  for ((i = 1; i <= workers; i++)); do live_pid "$dir/worker-$i.pid" >/dev/null || return 1; done
}

start() {
  command -v curl >/dev/null || tm_die "curl is needed to ask the Master whether the Workers registered"
  [[ "$workers" =~ ^[1-9][0-9]*$ ]] || tm_die "THEMEMINER_CLUSTER_WORKERS must be a positive number, not $workers"
  if all_running; then
    say "already running at $(master_url)"
    master_url
    return 0
  fi
  stop >/dev/null 2>&1 || true # a half-running cluster from before: start clean
  local t0=$SECONDS
  tm_spark_home "$home"
  rm -rf "$logs" "$dir/work" "$dir/master-url" "$dir/master-ui"
  mkdir -p "$logs" "$dir/work"

  daemon "$logs/master.log" "$dir/master.pid" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0
  started() {
    live_pid "$dir/master.pid" >/dev/null || { say "the Master stopped:"; tail -n 30 "$logs/master.log" >&2; exit 1; }
    grep -q 'Starting Spark master at spark://' "$logs/master.log" && [[ -n "$(master_ui)" ]]
  }
  wait_for "$timeout" "the Master" started
  sed -n 's|.*Starting Spark master at \(spark://[0-9.:]*\).*|\1|p' "$logs/master.log" | head -n 1 >"$dir/master-url"
  master_ui >"$dir/master-ui" # for jobs/submit.sh: the driver asks it what the Workers offer
  local url i
  url="$(master_url)"

  for ((i = 1; i <= workers; i++)); do
    mkdir -p "$dir/work/worker-$i"
    daemon "$logs/worker-$i.log" "$dir/worker-$i.pid" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
      --webui-port 0 --cores "$cores" --memory "$memory" --work-dir "$dir/work/worker-$i" "$url"
  done
  registered() {
    local j view
    for ((j = 1; j <= workers; j++)); do
      live_pid "$dir/worker-$j.pid" >/dev/null || { say "worker $j stopped:"; tail -n 30 "$logs/worker-$j.log" >&2; exit 1; }
    done
    view="$(master_view)"
    [[ -n "$view" && "${view%% *}" -ge "$workers" ]]
  }
  wait_for "$timeout" "$workers workers to register with the Master" registered
  say "Master and $workers Workers ($cores core(s), $memory each) running at $url after $((SECONDS - t0)) s; logs in $logs"
  echo "$url"
}

stop_pid() { # $1 pid: TERM, then KILL after 15 s
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 30; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}

stop() {
  local f pid stopped=0
  for f in "$dir"/worker-*.pid "$dir/master.pid"; do
    [[ -e "$f" ]] || continue
    if pid="$(live_pid "$f")"; then
      stop_pid "$pid"
      stopped=$((stopped + 1))
    fi
    rm -f "$f"
  done
  for pid in $(executor_pids); do stop_pid "$pid"; done # orphans of a Worker that was killed
  rm -f "$dir/master-url" "$dir/master-ui"
  if ((stopped > 0)); then say "stopped ($stopped processes)"; else say "not running"; fi
}

status() {
  local f pid name code=0
  if pid="$(live_pid "$dir/master.pid")"; then
    echo "master   running  pid $pid  $(master_url)  web UI $(master_ui)"
  else
    echo "master   stopped"
    code=3
  fi
  for ((i = 1; i <= workers; i++)); do
    f="$dir/worker-$i.pid"
    if pid="$(live_pid "$f")"; then echo "worker-$i running  pid $pid"; else echo "worker-$i stopped"; code=3; fi
  done
  local view
  view="$(master_view)"
  [[ -z "$view" ]] || echo "the Master sees ${view%% *} alive worker(s) and ${view##* } running application(s)"
  local execs
  execs="$(executor_pids | tr '\n' ' ')"
  [[ -z "$execs" ]] || echo "executors running: pids $execs"
  return $code
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) master_url || { say "not running"; exit 3; } ;;
  *) echo "usage: $(basename "$0") start|stop|status|url" >&2; exit 2 ;;
esac
