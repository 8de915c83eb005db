#!/usr/bin/env bash
# Mail store benchmark: starts Préau in-process on a fresh database (embedded H2, or a fresh
# PostgreSQL database with BENCH_POSTGRES=1), fills one INBOX through the delivery API and
# times the first page of the folder, the other sorts, searches (after the index has caught
# up), and the bytes stored.
#   bench/store/run.sh [messages]                 default 100000
#   BENCH_POSTGRES=1 bench/store/run.sh [messages]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$here"
[ -d target/classes/fr/preau ] || ./mvnw -q -B -DskipTests compile
[ -f target/bench-classpath.txt ] && [ target/bench-classpath.txt -nt pom.xml ] \
  || ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/store/StoreBench.java "${1:-100000}" "${BENCH_POSTGRES:+postgres}"
