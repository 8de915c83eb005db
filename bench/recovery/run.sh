#!/usr/bin/env bash
# Account recovery and two-step verification latency: starts `preau demo` on a fresh data
# directory and a free port (embedded H2, or PostgreSQL when BENCH_POSTGRES is set), with the
# production Argon2id cost and the per-address and per-account limits lifted (the load comes
# from one address, for one account), then runs RecoveryBench.
#   bench/recovery/run.sh [repetitions] [TOTP rounds]         embedded H2
#   BENCH_POSTGRES=1 bench/recovery/run.sh ...                 a fresh PostgreSQL database on 127.0.0.1
#   BENCH_PARTS=recovery (or two-factor) bench/recovery/run.sh   one part only (default both)
# The TOTP rounds wait for a new 30 s step each (a code is accepted once per account and step):
# 3 rounds of 12 accounts, about 1.5 minutes.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
repetitions=${1:-100}
rounds=${2:-3}
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$here/target/preau-exec.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    ss -ltnH "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}
port=$(free_port)
data=$(mktemp -d)
db=""
if [ -n "${BENCH_POSTGRES:-}" ]; then
  db="preau_bench_recovery_$$"
  psql -q -h 127.0.0.1 -U postgres -c "create database $db" postgres
  export PREAU_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PREAU_DB_USER=postgres
fi
pid=""
cleanup() {
  status=$?
  if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
    echo "the server had stopped:" >&2
    tail -20 "$data/server.log" >&2
  elif [ "$status" != 0 ]; then
    tail -20 "$data/server.log" >&2
  fi
  [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  rm -rf "$data"
  [ -z "$db" ] || psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db" postgres
}
trap cleanup EXIT
# no SMTP listeners (fixed ports, not needed here); the captcha stays on: the bench solves it
PREAU_DATA_DIR="$data" PREAU_HTTP_PORT=$port PREAU_SMTP_ENABLED=false \
  "$java" -Dpreau.login.per-ip-per-minute=1000000 \
  -Dpreau.recovery.per-ip-per-hour=1000000 -Dpreau.recovery.per-account-per-hour=1000000 \
  -jar "$jar" demo >"$data/server.log" 2>&1 &
pid=$!
until grep -q "Préau demo is running" "$data/server.log"; do
  sleep 0.5
  kill -0 "$pid" 2>/dev/null || { cat "$data/server.log"; exit 1; }
done
echo "server on port $port, $(date -u), load $(cut -d' ' -f1-3 /proc/loadavg)"
# cmartin: verified backup address and mobile (DemoData); the others turn two-step verification on:
# six teachers from their account page, six support agents at their first login (their role requires it)
"$java" -Dbench.probePairs="${BENCH_PROBE_PAIRS:-6}" "$here/bench/recovery/RecoveryBench.java" "http://localhost:$port" "$repetitions" "$rounds" \
  cmartin 07E1512345ABC camille.martin@example.org 'Marelle-Cerf-Volant-84!' \
  tbernard,jdupont,jdupont2,hlambert,efournier,hlefevre,nroche,bcollin,sperrin,jmasson,cblanc,mrobin \
  "${BENCH_PARTS:-recovery,two-factor}"
grep -E ' (ERROR|WARN) ' "$data/server.log" | grep -v -i 'dns\|deliver\|vector' | head -5 || true
