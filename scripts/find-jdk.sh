# Sourced by ./crvs and the test script: sets JAVA_HOME to a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, then the newest JDK under /usr/lib/jvm, then `java` on the PATH.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}
jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1")" -ge 21 ] 2>/dev/null
}
if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME"; then
  :
else
  found=""
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::'); do
    if jdk_ok "$candidate"; then
      if [ -z "$found" ] || [ "$(java_major "$candidate")" -gt "$(java_major "$found")" ]; then
        found="$candidate"
      fi
    fi
  done
  if [ -z "$found" ] && command -v javac >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    jdk_ok "$candidate" && found="$candidate"
  fi
  if [ -z "$found" ]; then
    echo "crvs needs a JDK 21 or newer: set JAVA_HOME, or install one (e.g. apt-get install openjdk-21-jdk-headless)." >&2
    exit 1
  fi
  export JAVA_HOME="$found"
fi
export PATH="$JAVA_HOME/bin:$PATH"
# Maven itself on JDK 24+ warns about sun.misc.Unsafe; the flag that silences it does not exist before 24.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
