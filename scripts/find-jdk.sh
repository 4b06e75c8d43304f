# Sourced by ./hatchery and .ci/run: exports JAVA_HOME pointing at a JDK >= 21, or fails with a
# message that says what to install. Order: an existing JAVA_HOME, then the JDKs under /usr/lib/jvm
# (newest first), then the `java` on PATH.

hatchery_java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
  [ -x "$1/bin/javac" ] && [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

hatchery_find_jdk() {
  local candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r candidate; do candidates+=("$candidate"); done \
      < <(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d | sort -rV)
  fi
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    major=$(hatchery_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export HATCHERY_JAVA_MAJOR="$major"
      # Maven 3.9 uses sun.misc.Unsafe through Guice; JDK 24+ warns about it on every build.
      if [ "$major" -ge 24 ]; then
        case " ${MAVEN_OPTS:-} " in
          *--sun-misc-unsafe-memory-access*) ;;
          *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
        esac
      fi
      return 0
    fi
  done
  echo "hatchery: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, javac on PATH)." >&2
  echo "hatchery: install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
  return 1
}
