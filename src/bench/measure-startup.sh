#!/usr/bin/env bash
# Start to ready (docs/performance.md, "Footprint and start-up"): times the README's run command from the moment it is typed until
# GET /actuator/health/readiness answers UP (the service, its PostgreSQL, Flyway, the engine and its Keycloak all up),
# then stops it (SIGTERM to its process group: the shutdown path of Ctrl-C, which a background job cannot send, as
# it is started with SIGINT ignored) and waits until every process it started is gone.
#   src/bench/measure-startup.sh                      existing data, `mvn spring-boot:run`, 5 runs, median
#   src/bench/measure-startup.sh --fresh              a fresh data directory each run (realm import, migrations)
#   src/bench/measure-startup.sh --jar                `java -jar target/casegrid-*.jar` instead of Maven
#   src/bench/measure-startup.sh --runs 3 --java-opts '-XX:TieredStopAtLevel=1'   (options for the service's JVM)
# Builds once first (what the run command builds, so the timed runs find everything compiled) and primes the data
# directory with one untimed run for the existing-data variant. Runs on ports 8095/15495/8195 (MEASURE_STARTUP_PORT=…
# moves all three) with its data under
# target/startup/data, so a running `mvn spring-boot:run` is not disturbed. Per run it prints the wall time to
# ready and the service JVM's own share (the "casegrid is ready in … ms" of its log); logs in target/startup/.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=5
FRESH=false
MODE=mvn
JAVA_OPTS_FOR_SERVICE=""
while [[ $# -gt 0 ]]; do
	case "$1" in
		--runs) RUNS="$2"; shift 2 ;;
		--fresh) FRESH=true; shift ;;
		--jar) MODE=jar; shift ;;
		--java-opts) JAVA_OPTS_FOR_SERVICE="$2"; shift 2 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done

WORK="$PWD/target/startup"
DATA="$WORK/data"
PORT=${MEASURE_STARTUP_PORT:-8095}
export PORT CASEGRID_DATA_DIR="$DATA" CASEGRID_PG_PORT=$((PORT + 7400)) CASEGRID_KEYCLOAK_PORT=$((PORT + 100))
mkdir -p "$WORK"
RUN_PID=""

stop_run() {
	[[ -z "$RUN_PID" ]] && return 0
	# like Ctrl-C in a terminal, to the whole process group (Maven and the JVM it forked, kc.sh and Keycloak's JVM)
	kill -TERM -- "-$RUN_PID" 2>/dev/null || true
	for _ in $(seq 1 600); do
		kill -0 -- "-$RUN_PID" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 -- "-$RUN_PID" 2>/dev/null; then
		echo "measure-startup: run $RUN_PID did not stop within 60 s after SIGTERM; killing it" >&2
		kill -KILL -- "-$RUN_PID" 2>/dev/null || true
	fi
	RUN_PID=""
	# the service stops its PostgreSQL and Keycloak on the way out; a run must not start while they are still there
	for pidfile in "$DATA/postgres/postmaster.pid" "$DATA/keycloak/keycloak.pid"; do
		for _ in $(seq 1 300); do
			[[ -f "$pidfile" ]] && kill -0 "$(head -1 "$pidfile")" 2>/dev/null || break
			sleep 0.1
		done
	done
}
trap stop_run EXIT
trap 'stop_run; exit 130' INT TERM

echo "measure-startup: building once (log: $WORK/build.log)"
if [[ "$MODE" == mvn ]]; then
	mvn -B -q -DskipTests test-compile >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; exit 1; }
	launch=(mvn -B spring-boot:run)
	[[ -n "$JAVA_OPTS_FOR_SERVICE" ]] && launch+=("-Dspring-boot.run.jvmArguments=$JAVA_OPTS_FOR_SERVICE")
else
	mvn -B -q -DskipTests package >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; exit 1; }
	jar=$(ls target/casegrid-*.jar | grep -v original | head -1)
	# shellcheck disable=SC2206
	launch=(java $JAVA_OPTS_FOR_SERVICE -jar "$jar")
fi

# one run: starts the command in a process group of its own; sets TO_READY (s) and JVM_MS
run_once() {
	local log="$1" began now
	began=$(date +%s.%N)
	setsid "${launch[@]}" >"$log" 2>&1 &
	RUN_PID=$!
	until [[ "$(curl -s "http://localhost:$PORT/actuator/health/readiness" 2>/dev/null || true)" == *'"status":"UP"'* ]]; do
		if ! kill -0 "$RUN_PID" 2>/dev/null; then
			echo "measure-startup: the run command stopped before it was ready; see $log" >&2
			tail -30 "$log" >&2
			exit 1
		fi
		sleep 0.1
	done
	now=$(date +%s.%N)
	TO_READY=$(awk -v a="$began" -v b="$now" 'BEGIN { printf "%.1f", b - a }')
	# the banner is logged just after readiness; give it a moment
	for _ in $(seq 1 50); do grep -q 'casegrid is ready in' "$log" && break; sleep 0.1; done
	JVM_MS=$(grep -o 'casegrid is ready in [0-9]* ms' "$log" | grep -o '[0-9][0-9]*' || echo "?")
	stop_run
}

if [[ "$FRESH" == false && ! -d "$DATA/postgres" ]]; then
	echo "measure-startup: priming the data directory (untimed run)"
	run_once "$WORK/prime.log"
fi

results=()
for i in $(seq 1 "$RUNS"); do
	[[ "$FRESH" == true ]] && rm -rf "$DATA"
	load=$(cut -d' ' -f1 /proc/loadavg)
	run_once "$WORK/run-$i.log"
	printf 'measure-startup: run %d: %s s to ready (service JVM: %s ms; load average before: %s)\n' "$i" "$TO_READY" \
		"$JVM_MS" "$load"
	results+=("$TO_READY")
done
median=$(printf '%s\n' "${results[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
variant=$([[ "$FRESH" == true ]] && echo "fresh data" || echo "existing data")
echo "measure-startup: median of $RUNS runs ($MODE, $variant): $median s to ready (all: ${results[*]})"
