#!/usr/bin/env bash
# Benchmarks Ticket Chat: idle sockets and memory, the delivery knee, light-load latency, history and
# unread latency on a seeded database, plus the raw JDBC insert and store-nothing fan-out baselines.
#
#   scripts/bench.sh [--short|--full] [--jdbc-url=jdbc:mariadb://127.0.0.1:3306/] [--jdbc-user=root]
#                    [--jdbc-password=] [--out=FILE] [--jfr=FILE] [--jfr-settings=default|profile|FILE.jfc] [--heap-histogram=FILE] [--server-heap=1g] [--sockets=N] [--only=reads]
#
# --short (default) takes under two minutes; --full (about 10 minutes) is what BENCHMARKS.md reports; --only=reads runs the read phase alone. Without --jdbc-url
# the service runs on its embedded MariaDB in a fresh data directory; with it, a database of its own
# (chat_bench_<millis>) is created on that server and dropped afterwards. The markdown table is printed
# and written to --out (default chat-bench/target/bench-report.md).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(scripts/java-home.sh)
export JAVA_HOME
out=chat-bench/target/bench-report.md
for arg in "$@"; do
  case "$arg" in --out=*) out="${arg#--out=}" ;; esac
done
sources_newer_than() { # any source of the service (not the bench) newer than $1?
  find . \( -path ./data -o -path ./chat-bench -o -name target \) -prune -o \( -name '*.java' -o -name '*.sql' \
    -o -name 'pom.xml' -o -name '*.properties' -o -name '*.js' -o -name '*.html' \) -newer "$1" -print -quit
}
jar=$(ls chat-bootstrap/target/chat-bootstrap-*-exec.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(sources_newer_than "$jar")" ]; then
  echo "Building the service..."
  ./mvnw -q -B -DskipTests package -pl chat-bootstrap -am
  jar=$(ls chat-bootstrap/target/chat-bootstrap-*-exec.jar | head -n 1)
fi
if [ ! -d chat-bench/target/lib ] || [ -n "$(find chat-bench pom.xml -path chat-bench/target -prune -o -newer chat-bench/target/lib -type f -print -quit)" ]; then
  echo "Building the bench..."
  ./mvnw -q -B -DskipTests package -pl chat-bench
  touch chat-bench/target/lib
fi
"$JAVA_HOME/bin/java" -Xmx1g -cp "chat-bench/target/classes:chat-bench/target/lib/*" \
  io.ticketchat.bench.BenchMain --jar="$jar" --out="$out" "$@"
cat "$out"
