#!/usr/bin/env bash
# Prints a JAVA_HOME whose JDK is 21 or newer: $JAVA_HOME if it qualifies, else the `java` on the PATH,
# else the newest JDK under /usr/lib/jvm. Exits 1 with advice when there is none.
set -euo pipefail

major_of() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

qualifies() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(major_of "$1")" -ge 21 ] 2>/dev/null
}

if [ -n "${JAVA_HOME:-}" ] && qualifies "$JAVA_HOME"; then
  echo "$JAVA_HOME"; exit 0
fi
if command -v javac >/dev/null 2>&1; then
  candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if qualifies "$candidate"; then echo "$candidate"; exit 0; fi
fi
best=""; best_major=0
for dir in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -d "$dir" ] || continue
  if qualifies "$dir"; then
    major=$(major_of "$dir")
    if [ "$major" -gt "$best_major" ]; then best="$dir"; best_major=$major; fi
  fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi
echo "Ticket Chat needs a JDK 21 or newer and found none (JAVA_HOME, PATH, /usr/lib/jvm). Install one, e.g. Temurin 21 or 25, and set JAVA_HOME." >&2
exit 1
