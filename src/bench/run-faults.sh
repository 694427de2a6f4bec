#!/usr/bin/env bash
# The fault harness (docs/reliability.md): crash under load, database outage, two nodes on one database, webhooks
# delivered by two nodes while one is killed (delivery: about 4 minutes after the build), and a long fuzz run over
# every operation of the contract (100,000 requests by default, as every user and app of the realm).
#   src/bench/run-faults.sh [--only crash,outage,nodes,delivery,fuzz] [--cases 1000] [--fuzz-requests 100000]
#                           [--fuzz-clients 4] [--fuzz-budget-seconds 2] [--fuzz-seed 20261130]
# Builds the service jar once (mvn -Pbench), then runs io.casegrid.bench.faults.FaultHarness, which starts the jar
# as separate processes, a Keycloak and PostgreSQL servers, all under target/bench/faults/ (wiped first).
# Exit status: 0 when every assertion held; the figures are in target/bench/faults/summary.json.
set -euo pipefail
cd "$(dirname "$0")/../.."

WORK="$PWD/target/bench/faults"
KEYCLOAK_HOME="$PWD/target/bench/keycloak/keycloak-26.7.3"
HARNESS_PID=""

# kills, by pid, whatever the harness started and left behind (its own shutdown hooks normally do this)
cleanup() {
	local pids=()
	[[ -n "$HARNESS_PID" ]] && kill -0 "$HARNESS_PID" 2>/dev/null && kill "$HARNESS_PID" && wait "$HARNESS_PID" || true
	for f in "$WORK"/logs/*.pid "$WORK"/keycloak/keycloak.pid; do
		[[ -f "$f" ]] && pids+=("$(head -1 "$f")")
	done
	for f in $(find "$WORK" -name postmaster.pid 2>/dev/null); do
		pids+=("$(head -1 "$f")")
	done
	for pid in "${pids[@]}"; do
		if kill -0 "$pid" 2>/dev/null; then
			for child in $(pgrep -P "$pid" || true); do kill "$child" 2>/dev/null || true; done
			kill "$pid" 2>/dev/null || true
			echo "run-faults: stopped leftover process $pid" >&2
		fi
	done
}
trap cleanup EXIT INT TERM

# on a fresh clone there is no target/ yet: the build log needs it before Maven creates it
mkdir -p "$PWD/target"
BUILD_LOG="$PWD/target/bench-faults-build.log"
mkdir -p "$PWD/target"   # a fresh clone has none yet
echo "run-faults: building the service jar (log: $BUILD_LOG)"
if ! { mvn -q -B -Pbench -DskipTests package &&
	mvn -q -B -Pbench dependency:build-classpath -Dmdep.includeScope=test \
		-Dmdep.outputFile="$PWD/target/bench/faults.classpath"; } >"$BUILD_LOG" 2>&1; then
	tail -40 "$BUILD_LOG" >&2
	exit 1
fi
JAR=$(ls target/bench/casegrid-*.jar | grep -v original | head -1)

rm -rf "$WORK"
mkdir -p "$WORK"
java -Xmx1g -cp "target/bench/test-classes:target/bench/classes:$(cat target/bench/faults.classpath)" \
	io.casegrid.bench.faults.FaultHarness --work "$WORK" --jar "$JAR" --keycloak-home "$KEYCLOAK_HOME" "$@" &
HARNESS_PID=$!
status=0
wait "$HARNESS_PID" || status=$?
HARNESS_PID=""
exit "$status"
