#!/usr/bin/env bash
# Login throughput and latency: starts `preau demo` on a fresh data directory (embedded H2,
# or PostgreSQL when PREAU_DB_URL is set), with the production Argon2id cost and the
# per-address limit lifted (the load comes from one address), then runs LoginBench.
#   bench/login/run.sh [seconds per level] [levels]          embedded H2
#   BENCH_POSTGRES=1 bench/login/run.sh ...                  a fresh PostgreSQL database on 127.0.0.1
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
seconds=${1:-20}
levels=${2:-1,2,4,8,16}
port=18081
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$here/target/preau-exec.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)
data=$(mktemp -d)
db=""
if [ -n "${BENCH_POSTGRES:-}" ]; then
  db="preau_bench_login_$$"
  psql -q -h 127.0.0.1 -U postgres -c "create database $db" postgres
  export PREAU_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PREAU_DB_USER=postgres
fi
cleanup() {
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  [ -z "$db" ] || psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db" postgres
}
PREAU_DATA_DIR="$data" PREAU_HTTP_PORT=$port PREAU_LOGIN_PER_IP_PER_MINUTE=1000000 \
  "$java" -jar "$jar" demo >"$data/server.log" 2>&1 &
pid=$!
trap cleanup EXIT
until grep -q "Préau demo is running" "$data/server.log"; do
  sleep 0.5
  kill -0 "$pid" 2>/dev/null || { cat "$data/server.log"; exit 1; }
done
"$java" "$here/bench/login/LoginBench.java" "http://localhost:$port" cmartin 'Marelle-Cerf-Volant-84!' "$seconds" "$levels"
