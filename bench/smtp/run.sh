#!/usr/bin/env bash
# SMTP inbound throughput: starts `preau demo` on a fresh data directory (embedded H2, or a
# fresh PostgreSQL database with BENCH_POSTGRES=1), then sends N messages of 2 KB and of 50 KB
# over 10 concurrent sessions to a demo mailbox on the MX port, durability on (every 250 after
# the blob fsync and the commit). The load generator is Postfix's smtp-source when installed
# (Debian package postfix), else SmtpLoad.java here.
#   bench/smtp/run.sh [messages per run]            default 2000
#   BENCH_POSTGRES=1 bench/smtp/run.sh [messages]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
count=${1:-2000}
sessions=10
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$here/target/preau-exec.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)
data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
db=""
if [ -n "${BENCH_POSTGRES:-}" ]; then
  db="preau_bench_smtp_$$"
  psql -q -h 127.0.0.1 -U postgres -c "create database $db" postgres
  export PREAU_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PREAU_DB_USER=postgres
fi
cleanup() {
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  [ -z "$db" ] || psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" postgres
}
PREAU_DATA_DIR="$data" PREAU_HTTP_PORT=$((port + 1)) PREAU_SMTP_PORT=$port PREAU_SUBMISSION_PORT=-1 \
  PREAU_SUBMISSIONS_PORT=-1 PREAU_SMTP_HOSTNAME=mx.bench.test "$java" -Xmx1g -jar "$jar" demo >"$data/server.log" 2>&1 &
pid=$!
trap cleanup EXIT
until grep -q "Préau demo is running" "$data/server.log"; do
  sleep 0.5
  kill -0 "$pid" 2>/dev/null || { cat "$data/server.log"; exit 1; }
done
PREAU_DATA_DIR="$data" "$java" -jar "$jar" admin mailbox quota cmartin --mb 100000 >/dev/null

echo "# SMTP inbound, $sessions sessions, $count messages per size, $(date -u), $(nproc) cores, $([ -n "$db" ] && echo PostgreSQL || echo H2)"
for size in 2048 51200; do
  start=$(date +%s.%N)
  if command -v smtp-source >/dev/null; then
    smtp-source -s $sessions -m "$count" -l $size -f bench@example.org -t camille.martin@ac-dijon.fr \
      -M bench.example.org 127.0.0.1:$port
    generator=smtp-source
  else
    "$java" "$here/bench/smtp/SmtpLoad.java" 127.0.0.1 $port $sessions "$count" $size
    generator=SmtpLoad.java
  fi
  end=$(date +%s.%N)
  awk -v n="$count" -v s="$size" -v a="$start" -v b="$end" -v g="$generator" \
    'BEGIN { t = b - a; printf "| %d KB | %d | %.1f s | %.0f msg/s | %.1f MB/s | %s |\n", s/1024, n, t, n/t, n*s/t/1048576, g }'
done
PREAU_DATA_DIR="$data" "$java" -jar "$jar" admin mailbox status cmartin | head -3
