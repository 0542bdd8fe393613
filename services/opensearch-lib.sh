# Sourced by services/opensearch.sh and services/opensearch-cluster.sh: the Maven build with its
# class-path cache, and starting, probing and stopping one node JVM. Not a command of its own.
#
# The caller sets SCRIPT_NAME (for messages) before sourcing. Every node, single or clustered,
# runs the same jar: the build cache lives in .services/opensearch/ whichever script builds it.

OS_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
OS_PROJECT="$OS_REPO/services/opensearch"
OS_POM="$OS_PROJECT/pom.xml"
OS_JAR="$OS_PROJECT/target/hub-opensearch.jar"
OS_MAIN_CLASS=hub.services.HubOpenSearch
OS_BUILD_STATE="$OS_REPO/.services/opensearch"
OS_CLASSPATH_FILE="$OS_BUILD_STATE/classpath.txt"

say() { printf '%s: %s\n' "$SCRIPT_NAME" "$*"; }
die() { printf '%s: error: %s\n' "$SCRIPT_NAME" "$*" >&2; exit 1; }

# Takes the lock file $1 on file descriptor 9 for the rest of the script.
with_lock() {
    mkdir -p "$(dirname "$1")"
    exec 9>"$1"
    flock -w 600 9 || die "could not take $1 within 600 s"
}

url_for() { echo "http://127.0.0.1:$1"; }

# Prints the cluster health status (green/yellow/red) seen by the node on port $1, or nothing.
health() {
    curl -s --max-time 3 "$(url_for "$1")/_cluster/health" 2>/dev/null \
        | sed -n 's/.*"status"[[:space:]]*:[[:space:]]*"\([a-z]*\)".*/\1/p' || true
}

# Exit 0 when the pid in file $1 is a running node of ours.
pid_alive() {
    local pid
    [ -f "$1" ] || return 1
    pid="$(cat "$1" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a recycled pid.
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$OS_MAIN_CLASS"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

need_build() {
    [ -f "$OS_CLASSPATH_FILE" ] && [ -f "$OS_JAR" ] || return 0
    [ "$OS_POM" -nt "$OS_CLASSPATH_FILE" ] && return 0
    if [ -n "$(find "$OS_PROJECT/src" -newer "$OS_JAR" -type f 2>/dev/null | head -n 1)" ]; then return 0; fi
    # Every cached jar must still be in the local Maven repository.
    local entry
    IFS=':' read -r -a entries <"$OS_CLASSPATH_FILE"
    for entry in "${entries[@]}"; do
        [ -f "$entry" ] || return 0
    done
    return 1
}

# Builds the jar and the class-path cache when they are missing or stale. Two scripts may start
# nodes at the same time, so the build has a lock of its own (descriptor 8).
build() {
    command -v java >/dev/null 2>&1 || die "java not found (need a JDK 17 or newer on PATH)"
    need_build || return 0
    command -v mvn >/dev/null 2>&1 || die "mvn not found (install Maven, e.g. apt-get install maven)"
    mkdir -p "$OS_BUILD_STATE"
    exec 8>"$OS_BUILD_STATE/build.lock"
    flock -w 600 8 || die "could not take $OS_BUILD_STATE/build.lock within 600 s"
    if ! need_build; then exec 8>&-; return 0; fi
    local out="$OS_BUILD_STATE/build.log" t0=$SECONDS
    say "building with Maven (first run downloads OpenSearch into ~/.m2; this can take a few minutes)"
    local cmd=(mvn -B -q -Dstyle.color=never -f "$OS_POM" package dependency:build-classpath "-Dmdep.outputFile=$OS_CLASSPATH_FILE.tmp")
    if ! "${cmd[@]}" >"$out" 2>&1 8>&- 9>&-; then
        echo "---- last lines of $out ----" >&2
        tail -n 40 "$out" >&2
        rm -f "$OS_CLASSPATH_FILE.tmp"
        die "Maven build failed: '${cmd[*]}' (full output in $out)"
    fi
    [ -s "$OS_CLASSPATH_FILE.tmp" ] || die "Maven wrote no class path to $OS_CLASSPATH_FILE.tmp (see $out)"
    [ -f "$OS_JAR" ] || die "Maven did not produce $OS_JAR (see $out)"
    mv "$OS_CLASSPATH_FILE.tmp" "$OS_CLASSPATH_FILE"
    exec 8>&-
    say "built in $((SECONDS - t0)) s"
}

# launch_node STATE HEAP HTTP_PORT: starts one node JVM in the background with its pid, log,
# temporary files and data under STATE, and sets LAUNCHED_PID. The OPENSEARCH_* variables of the
# caller's environment configure the node (see HubOpenSearch.java).
launch_node() {
    local state="$1" heap="$2" port="$3"
    mkdir -p "$state/data" "$state/tmp"
    {
        echo
        echo "==== $(date -u '+%Y-%m-%dT%H:%M:%SZ') starting OpenSearch on 127.0.0.1:$port ===="
    } >>"$state/log"
    # setsid: own session, so the node outlives the calling shell and its job control.
    OPENSEARCH_PORT="$port" nohup setsid java \
        "-Xms$heap" "-Xmx$heap" \
        -XX:+UseG1GC -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$state/tmp" \
        -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dlog4j2.formatMsgNoLookups=true \
        -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true \
        "-Djava.io.tmpdir=$state/tmp" \
        -cp "$OS_JAR:$(cat "$OS_CLASSPATH_FILE")" "$OS_MAIN_CLASS" "$state/data" \
        </dev/null >>"$state/log" 2>&1 8>&- 9>&- &
    LAUNCHED_PID=$!
    echo "$LAUNCHED_PID" >"$state/pid"
}

# stop_node PIDFILE: SIGTERM (the node closes cleanly), SIGKILL after 30 s; removes the pid file.
stop_node() {
    local pid i
    pid="$(cat "$1")"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "pid $pid did not stop within 30 s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        for i in $(seq 1 20); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
    fi
    rm -f "$1"
}

# tail_log LOG: the end of a node's log on stderr, after a failure.
tail_log() {
    echo "---- last lines of $1 ----" >&2
    tail -n 40 "$1" >&2
}
