#!/usr/bin/env bash
# Starts Ticket Chat standalone, building it first when the executable jar is missing or older than
# the sources. Arguments go to the service, e.g. --server.port=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(scripts/java-home.sh)
export JAVA_HOME
jar=$(ls chat-bootstrap/target/chat-bootstrap-*-exec.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.js' -o -name '*.html' -o -name '*.yaml' -o -name '*.properties' \) -newer "$jar" -print -quit)" ]; then
  echo "Building Ticket Chat (first run or sources changed)..."
  ./mvnw -q -B -DskipTests package -pl chat-bootstrap -am
  jar=$(ls chat-bootstrap/target/chat-bootstrap-*-exec.jar | head -n 1)
fi
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
