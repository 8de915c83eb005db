#!/usr/bin/env bash
# Web mail benchmark: starts Préau in-process with the demo data on a fresh data directory
# (embedded H2, or a fresh PostgreSQL database with BENCH_POSTGRES=1), fills cmartin's INBOX
# through the delivery API, then WebmailBench times the inbox page, opening a message and
# searches in both interfaces (server time from Tomcat's access log, page weight) and runs
# wrk (Debian package wrk) on the inbox page. The table goes to target/webmail-bench.md.
#   bench/webmail/run.sh [messages] [requests per page] [wrk seconds]     default 100000 200 30
#   BENCH_POSTGRES=1 bench/webmail/run.sh ...
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
count=${1:-100000}
requests=${2:-200}
seconds=${3:-30}
port=${BENCH_PORT:-18082}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
cd "$here"
[ -d target/classes/fr/preau ] || ./mvnw -q -B -DskipTests compile
[ -f target/bench-classpath.txt ] && [ target/bench-classpath.txt -nt pom.xml ] \
  || ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
data=$(mktemp -d)
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/webmail/WebmailServer.java "$data" "$port" "$count" "${BENCH_POSTGRES:+postgres}" >"$data/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
echo "server log: $data/server.log"
sleep 1
until grep -q "WEBMAIL BENCH READY" "$data/server.log"; do
  sleep 2
  kill -0 "$pid" 2>/dev/null || { cat "$data/server.log"; exit 1; }
done
grep -E "Filled|caught up|holds" "$data/server.log"
# one measuring client at a time on this machine (two runs may fill side by side)
flock /tmp/preau-webmail-bench.lock \
  "$JAVA_HOME/bin/java" bench/webmail/WebmailBench.java "http://localhost:$port" "$data" "$requests" "$seconds"
