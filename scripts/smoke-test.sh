#!/usr/bin/env bash
# The chat system test for operators: checks every REST endpoint and the WebSocket of a running
# Ticket Chat, one line per check, and exits non-zero when one fails.
#   scripts/smoke-test.sh URL TOKEN [TICKET_ID]
#   e.g. scripts/smoke-test.sh http://localhost:8080 "$AGENT_TOKEN" 1
# It posts two short messages into TICKET_ID (default 1) and marks it read for the token's side.
set -euo pipefail
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 URL TOKEN [TICKET_ID]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
JAVA_HOME=$(scripts/java-home.sh)
jar=$(ls chat-bootstrap/target/chat-bootstrap-*-exec.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "Building Ticket Chat first..."
  ./mvnw -q -B -DskipTests package -pl chat-bootstrap -am
  jar=$(ls chat-bootstrap/target/chat-bootstrap-*-exec.jar | head -n 1)
fi
exec "$JAVA_HOME/bin/java" -cp "$jar" \
  -Dloader.main=io.ticketchat.bootstrap.smoke.ChatSmokeTest \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  "--url=$1" "--token=$2" "--ticket-id=${3:-1}"
