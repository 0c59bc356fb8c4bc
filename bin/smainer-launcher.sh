# shellcheck shell=bash
# Shared by bin/smainer, bin/smainer-daemon and bin/smainer-relayer-lite; sourced, never run.
# Works in a source checkout (after `mvn -B package -DskipTests`) and in the release tarball (lib/).

smainer_die() {
  printf 'smainer: %s\n' "$*" >&2
  exit 69
}

# Prints the path of a java binary of version 17 or newer, or explains how to get one.
smainer_find_java() {
  local candidate home version
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null || true)"; do
    if [ -z "$candidate" ] || [ ! -x "$candidate" ]; then
      continue
    fi
    home=$(dirname "$(dirname "$(readlink -f "$candidate")")")
    # The release file avoids starting a JVM just to read its version.
    if [ -r "$home/release" ]; then
      version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    else
      version=$("$candidate" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
    fi
    if [ -n "$version" ] && [ "$version" -ge 17 ] 2>/dev/null; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  smainer_die "Java 17 or newer is required and was not found (JAVA_HOME='${JAVA_HOME:-}', PATH java='$(command -v java 2>/dev/null || echo none)'). Install it: sudo apt-get install openjdk-17-jre-headless (Debian/Ubuntu), or set JAVA_HOME to a JDK 17+."
}

# smainer_classpath HOME MODULE: the class path for one app.
smainer_classpath() {
  local home=$1 module=$2 jar
  if [ -d "$home/lib" ]; then
    printf '%s\n' "$home/lib/*"
    return 0
  fi
  for jar in "$home/$module/target/smainer-$module"-*.jar; do
    case "$jar" in *-tests.jar|*-sources.jar) continue ;; esac
    if [ -f "$jar" ] && [ -d "$home/$module/target/lib" ]; then
      printf '%s\n' "$jar:$home/$module/target/lib/*"
      return 0
    fi
  done
  smainer_die "no build of '$module' found under $home/$module/target. Build it first: (cd '$home' && mvn -B package -DskipTests)"
}

# smainer_exec MODULE MAIN_CLASS "JVM FLAGS" ARGS...: replaces the shell with the JVM.
smainer_exec() {
  local module=$1 main=$2 flags=$3
  shift 3
  local self home java cp
  self=$(readlink -f "${BASH_SOURCE[1]}")
  home=$(dirname "$(dirname "$self")")
  java=$(smainer_find_java)
  cp=$(smainer_classpath "$home" "$module")
  # shellcheck disable=SC2086 # flags are a space-separated list by design
  exec "$java" $flags ${SMAINER_JAVA_OPTS:-} -Dsmainer.home="$home" -cp "$cp" "$main" "$@"
}
