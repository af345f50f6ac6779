# shellcheck shell=bash
#
# scripts/lib/neo4j.sh: start/stop a throw-away Neo4j 5 Community server for
# tests. Meant to be `source`d; defines functions only and leaves the caller's
# shell options and traps alone.
#
#   source scripts/lib/neo4j.sh
#   neo4j_start || exit $?      # exports NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD
#   trap neo4j_stop EXIT
#   go test ./...
#
# The server is neo4j-dev/ (a Java launcher around org.neo4j.test:neo4j-harness),
# built with Maven on first use (~150 MB from Maven Central into ~/.m2, once).
# It listens on 127.0.0.1 only, on a free port picked by the OS, with
# authentication DISABLED (any credentials work; the Go driver can use
# neo4j.NoAuth()). Every neo4j_start gets a fresh, empty database in a new temp
# dir, so parallel runs never share data.
#
# Return codes of neo4j_start / neo4j_build:
#   0  ok
#   1  build or start failed (reason and log tail on stderr)
#   3  java (17+) or mvn not available: the caller decides whether to skip
#      (e.g. locally) or fail (e.g. in CI); one line on stderr says which.
#
# Environment knobs (all optional):
#   NEO4J_DEV_JAVA_OPTS      JVM options (default: $NEO4J_DEV_DEFAULT_JAVA_OPTS)
#   NEO4J_START_TIMEOUT      seconds to wait for Bolt (default 120)
#   NEO4J_STOP_TIMEOUT       seconds between SIGTERM and SIGKILL (default 20)
#   NEO4J_DEV_PAGECACHE_MIB  page cache in MiB (default 64, for tests); give a
#                            benchmark one that holds its store, as a real
#                            server sizes it (tier M needs ~300)
#   NEO4J_DEV_LOG            launcher stdout/stderr; default: in the temp dir
#                            (kept after neo4j_stop only if you set this)

NEO4J_DEV_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NEO4J_DEV_PROJECT="$NEO4J_DEV_ROOT/neo4j-dev"
NEO4J_DEV_MAIN=buurtnet.neo4jdev.Launcher
# Small heap + serial GC + C1 only: ~230 MB RSS idle, ~3.5 s to ready.
NEO4J_DEV_DEFAULT_JAVA_OPTS="-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"

_neo4j_say() { printf 'neo4j: %s\n' "$*" >&2; }

# neo4j_check_tools [need_mvn]: 0 if java >= 17 (and mvn if need_mvn=1) are there, else 3.
neo4j_check_tools() {
  local need_mvn="${1:-0}" ver major
  if ! command -v java >/dev/null 2>&1; then
    _neo4j_say "java not found (need Java 17+ on PATH); cannot run Neo4j"
    return 3
  fi
  ver="$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1 || true)"
  major="${ver%%.*}"
  if [[ "$major" == 1 ]]; then major="$(echo "$ver" | cut -d. -f2)"; fi
  if ! [[ "$major" =~ ^[0-9]+$ ]] || (( major < 17 )); then
    _neo4j_say "java ${ver:-?} found but Java 17+ is required; cannot run Neo4j"
    return 3
  fi
  if [[ "$need_mvn" == 1 ]] && ! command -v mvn >/dev/null 2>&1; then
    _neo4j_say "mvn not found (needed once to build neo4j-dev/); cannot run Neo4j"
    return 3
  fi
  return 0
}

# _neo4j_needs_build: true if target/ is missing or older than pom.xml / sources.
_neo4j_needs_build() {
  local stamp="$NEO4J_DEV_PROJECT/target/.neo4j-dev-built"
  [[ -f "$stamp" ]] || return 0
  [[ -f "$NEO4J_DEV_PROJECT/target/classes/buurtnet/neo4jdev/Launcher.class" ]] || return 0
  compgen -G "$NEO4J_DEV_PROJECT/target/lib/neo4j-harness-*.jar" >/dev/null || return 0
  [[ -n "$(find "$NEO4J_DEV_PROJECT/pom.xml" "$NEO4J_DEV_PROJECT/src" -newer "$stamp" -print -quit 2>/dev/null)" ]]
}

# neo4j_build [force]: build neo4j-dev/ with Maven if needed (or if force=1).
neo4j_build() {
  local force="${1:-0}" log rc
  if [[ "$force" != 1 ]] && ! _neo4j_needs_build; then
    neo4j_check_tools 0 || return
    return 0
  fi
  neo4j_check_tools 1 || return
  mkdir -p "$NEO4J_DEV_PROJECT/target" || return 1
  (
    # Serialise concurrent builds (parallel test runs on a fresh checkout).
    if command -v flock >/dev/null 2>&1; then
      exec 9>"$NEO4J_DEV_PROJECT/target/.build.lock"
      flock 9
    fi
    if [[ "$force" != 1 ]] && ! _neo4j_needs_build; then exit 0; fi # built meanwhile
    log="$NEO4J_DEV_PROJECT/target/build.log"
    if [[ ! -d "$HOME/.m2/repository/org/neo4j/test/neo4j-harness" ]]; then
      _neo4j_say "building neo4j-dev launcher (first time: downloads ~150 MB from Maven Central into ~/.m2)..."
    else
      _neo4j_say "building neo4j-dev launcher..."
    fi
    rm -f "$NEO4J_DEV_PROJECT/target/.neo4j-dev-built"
    # Full output goes to target/build.log (--no-transfer-progress keeps it short).
    rc=0
    mvn -B --no-transfer-progress -Dstyle.color=never -f "$NEO4J_DEV_PROJECT/pom.xml" package -DskipTests >"$log" 2>&1 || rc=$?
    if (( rc == 0 )); then
      touch "$NEO4J_DEV_PROJECT/target/.neo4j-dev-built"
      exit 0
    fi
    _neo4j_say "build failed: mvn -B -f neo4j-dev/pom.xml package -DskipTests (exit $rc); from $log:"
    if grep -q '^\[ERROR\]' "$log"; then
      grep '^\[ERROR\]' "$log" | head -n 20 >&2 || true
    else
      tail -n 20 "$log" >&2 || true
    fi
    exit 1
  )
}

# neo4j_classpath: the launcher's runtime classpath.
neo4j_classpath() {
  printf '%s\n' "$NEO4J_DEV_PROJECT/target/classes:$NEO4J_DEV_PROJECT/target/lib/*"
}

# neo4j_start: build if needed, start Neo4j in the background on a free
# loopback port with a fresh data dir, wait until Bolt is up, export
# NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD. See the header for return codes.
neo4j_start() {
  local timeout="${NEO4J_START_TIMEOUT:-120}" tmp log fifo pid line deadline
  if [[ -n "${NEO4J_DEV_PID:-}" ]] && kill -0 "$NEO4J_DEV_PID" 2>/dev/null; then
    _neo4j_say "already started (pid $NEO4J_DEV_PID, $NEO4J_URI); call neo4j_stop first"
    return 1
  fi
  neo4j_build || return

  tmp="$(mktemp -d "${TMPDIR:-/tmp}/neo4j-dev.XXXXXX")" || { _neo4j_say "mktemp failed"; return 1; }
  log="${NEO4J_DEV_LOG:-$tmp/launcher.log}"
  fifo="$tmp/stdin"
  mkfifo "$fifo" || { _neo4j_say "mkfifo failed"; rm -rf "$tmp"; return 1; }

  # stdin of the launcher is a FIFO whose only writer is this shell (and the
  # processes it starts later, which inherit the fd). With --exit-on-stdin-eof
  # Neo4j therefore shuts down by itself when this shell dies, even by SIGKILL,
  # instead of lingering. $! is the java process itself (bash execs it).
  # shellcheck disable=SC2086 # word splitting of the JVM options is intended
  java ${NEO4J_DEV_JAVA_OPTS:-$NEO4J_DEV_DEFAULT_JAVA_OPTS} \
    -cp "$(neo4j_classpath)" "$NEO4J_DEV_MAIN" \
    --port 0 --dir "$tmp/work" --uri-file "$tmp/uri" --exit-on-stdin-eof \
    <"$fifo" >"$log" 2>&1 &
  pid=$!
  # Not a job of this shell any more: no "Terminated"/"Killed" notices in test
  # output. (Liveness is checked with kill -0 / the process state instead.)
  disown "$pid" 2>/dev/null || true
  # Opening the write end unblocks the child's open of the read end.
  exec {NEO4J_DEV_STDIN_FD}>"$fifo"
  # Shell globals (not exported) for neo4j_stop.
  NEO4J_DEV_PID="$pid" NEO4J_DEV_TMP="$tmp"

  deadline=$((SECONDS + timeout))
  while :; do
    if [[ -s "$tmp/uri" ]]; then
      line="$(head -n1 "$tmp/uri")"
      if [[ "$line" == NEO4J_URI=bolt://* ]]; then break; fi
    fi
    if ! _neo4j_alive "$pid"; then
      _neo4j_say "Neo4j exited during startup; last lines of $log:"
      _neo4j_tail_logs "$log" "$tmp"
      neo4j_stop >/dev/null 2>&1
      return 1
    fi
    if (( SECONDS >= deadline )); then
      _neo4j_say "Neo4j not ready after ${timeout}s (NEO4J_START_TIMEOUT); last lines of $log:"
      _neo4j_tail_logs "$log" "$tmp"
      neo4j_stop >/dev/null 2>&1
      return 1
    fi
    sleep 0.2
  done

  export NEO4J_URI="${line#NEO4J_URI=}"
  # Auth is disabled: the server accepts any credentials (or none).
  export NEO4J_USERNAME=neo4j NEO4J_PASSWORD=
  _neo4j_say "Neo4j 5 ready at $NEO4J_URI (pid $pid, auth disabled)"
  return 0
}

# neo4j_stop: SIGTERM the server, SIGKILL after NEO4J_STOP_TIMEOUT seconds,
# remove its temp dir. Safe to call twice, without neo4j_start, from an EXIT
# trap, and under set -euo pipefail; always returns 0 once the process is gone.
neo4j_stop() {
  local pid="${NEO4J_DEV_PID:-}" tmp="${NEO4J_DEV_TMP:-}" t="${NEO4J_STOP_TIMEOUT:-20}" deadline
  if [[ -n "$pid" ]] && _neo4j_alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + t))
    while _neo4j_alive "$pid" && (( SECONDS < deadline )); do sleep 0.1; done
    if _neo4j_alive "$pid"; then
      _neo4j_say "Neo4j (pid $pid) did not stop within ${t}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while _neo4j_alive "$pid"; do sleep 0.1; done
    fi
  fi
  if [[ -n "${NEO4J_DEV_STDIN_FD:-}" ]]; then
    exec {NEO4J_DEV_STDIN_FD}>&-
  fi
  if [[ -n "$tmp" && -d "$tmp" && "$tmp" == */neo4j-dev.* ]]; then
    rm -rf "$tmp"
  fi
  unset NEO4J_DEV_PID NEO4J_DEV_TMP NEO4J_DEV_STDIN_FD NEO4J_URI NEO4J_USERNAME NEO4J_PASSWORD
  return 0
}

# _neo4j_alive PID: running and not a zombie (kill -0 alone succeeds on zombies).
_neo4j_alive() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  if [[ -r "/proc/$1/stat" ]]; then
    state="$(sed 's/^.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null || true)"
  else
    state="$(ps -o stat= -p "$1" 2>/dev/null || true)"
  fi
  [[ "${state:0:1}" != Z && -n "$state" ]]
}

_neo4j_tail_logs() {
  local log="$1" tmp="$2" f
  tail -n 30 "$log" >&2 2>/dev/null || true
  for f in "$tmp"/work/*/neo4j.log "$tmp"/work/*/logs/debug.log; do
    [[ -f "$f" ]] || continue
    printf -- '--- %s (last lines) ---\n' "$f" >&2
    { grep -E ' (ERROR|WARN) ' "$f" | tail -n 10 >&2; } || true
    tail -n 10 "$f" >&2 || true
  done
}
