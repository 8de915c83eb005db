#!/usr/bin/env bash
# Cold start of `./preau serve`: time from running the command to the first successful answer
# of /actuator/health, on a fresh data directory (first start: migrations run) and on an
# existing one (later starts); then the same with a plain `java -jar target/preau-exec.jar`
# (no start-up cache), for comparison. Runs each several times and prints every figure.
#   bench/startup/cold-start.sh [runs]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
runs=${1:-5}
port=18080
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$here/target/preau-exec.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)

"$here/preau" admin --help >/dev/null   # builds the jar and the start-up cache if needed

measure() {
  local data=$1
  local start end pid
  start=$(date +%s%N)
  if [ "${PLAIN:-}" = 1 ]; then
    PREAU_DATA_DIR="$data" PREAU_HTTP_PORT=$port "$java" -jar "$jar" serve >/dev/null 2>&1 &
  else
    PREAU_DATA_DIR="$data" PREAU_HTTP_PORT=$port "$here/preau" serve >/dev/null 2>&1 &
  fi
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
for PLAIN in 0 1; do
  if [ "$PLAIN" = 0 ]; then echo "== ./preau serve (extracted jar, start-up cache)"; else echo "== java -jar target/preau-exec.jar serve"; fi
  echo "first start (empty data directory), ms:"
  for i in $(seq 1 "$runs"); do measure "$work/fresh-$PLAIN-$i"; done
  echo "later starts (existing data directory), ms:"
  measure "$work/existing-$PLAIN" >/dev/null
  for i in $(seq 1 "$runs"); do measure "$work/existing-$PLAIN"; done
done
