#!/usr/bin/env bash
# Cold start of `preau serve`: time from launching the JVM to the first successful answer of
# /actuator/health, on a fresh data directory (first start: migrations run) and on an
# existing one (later starts). Runs each several times and prints every figure.
#   bench/startup/cold-start.sh [runs]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
runs=${1:-5}
port=18080
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$here/target/preau-exec.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)

measure() {
  local data=$1
  local start end pid
  start=$(date +%s%N)
  PREAU_DATA_DIR="$data" PREAU_HTTP_PORT=$port "$java" -jar "$jar" serve >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
    sleep 0.05
    kill -0 "$pid" 2>/dev/null || { echo "server died" >&2; exit 1; }
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "first start (empty data directory), ms:"
for i in $(seq 1 "$runs"); do measure "$work/fresh-$i"; done
echo "later starts (existing data directory), ms:"
measure "$work/existing" >/dev/null
for i in $(seq 1 "$runs"); do measure "$work/existing"; done
