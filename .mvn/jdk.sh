# Sourced by ./mvnw and bin/callintel (POSIX sh). callintel_select_jdk TOOL exports JAVA_HOME as the
# first Java 21+ home that has bin/TOOL (java or javac): JAVA_HOME, the one on PATH, the newest under
# /usr/lib/jvm. The machine's default java may be older.

callintel_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

callintel_select_jdk() {
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v "$1" || echo /none)")")")" \
                   $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/$1" ] && [ "$(callintel_java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null || continue
    export JAVA_HOME="$candidate"
    return 0
  done
  echo "callintel: no Java 21 or newer with $1 (looked at JAVA_HOME, PATH and /usr/lib/jvm): install one or set JAVA_HOME." >&2
  return 1
}
