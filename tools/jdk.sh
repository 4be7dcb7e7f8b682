# Sourced by the scripts in tools/: finds a JDK >= 21 and exports JAVA_HOME for it.
# Order: $JAVA_HOME when it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm.

jdk_major() { # prints the major version of the JDK at $1, or nothing
  local v="" line
  # The JDK's release file says it without starting a JVM (0.3 s each), read without a process of
  # its own (every command runs this for each installed JDK); else ask java.
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in JAVA_VERSION=\"*) v=${line#JAVA_VERSION=\"}; v=${v%%\"*}; break ;; esac
    done < "$1/release"
  fi
  [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  v=${v#1.}   # Java 8 and older said 1.8
  echo "${v%%.*}"
}

find_jdk() {
  local best="" best_major=0 dir major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(jdk_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(jdk_major "$dir")
    if [ "${major:-0}" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  if [ "$best_major" -ge 21 ]; then echo "$best"; return 0; fi
  echo "jobcode: needs a JDK 21 or newer; set JAVA_HOME to one (found none under /usr/lib/jvm)" >&2
  return 1
}

JAVA_HOME=$(find_jdk) || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava calls sun.misc.Unsafe, which JDK 24+ warns about on every build.
if [ "$(jdk_major "$JAVA_HOME")" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
