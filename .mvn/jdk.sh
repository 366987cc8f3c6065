# Sourced by ./mvnw, ./callintel and .ci/run. Exports JAVA_HOME pointing at a JDK 21 or newer:
# JAVA_HOME if it is new enough, else the `java` on PATH, else the newest JDK under /usr/lib/jvm.
# The machine's default java may be older (17), which cannot build or run this project.

callintel_java_major() {
  "$1" -version 2>&1 | sed -nE '1s/.*version "([0-9]+)(\.([0-9]+))?.*/\1 \3/p' |
    awk '{ print ($1 == 1 ? $2 : $1) }'
}

callintel_select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(callintel_java_major "$candidate/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "callintel: no JDK 21 or newer found (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm)." >&2
  echo "callintel: install one (for example a Temurin 21 or 25 JDK) or set JAVA_HOME to it." >&2
  return 1
}
