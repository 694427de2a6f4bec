#!/usr/bin/env bash
# The benchmark (docs/performance.md): builds the service with the bench endpoints (Maven profile "bench", into
# target/bench), then io.casegrid.bench.Benchmark starts it on a fresh embedded PostgreSQL and its own Keycloak,
# drives it with Gatling and writes target/bench/results/<time>/summary.json plus the Gatling HTML reports.
#   src/bench/run-benchmark.sh                      the full run (about 50 minutes on 2 cores by the step times of the
#                                                   runs of 2026-11-23 and -30: bulkLoad about 16 of them, the restart
#                                                   step at the end about 5: the service stopped, the run command timed
#                                                   by src/bench/measure-startup.sh --runs 3, the service restarted on
#                                                   the run's data and timed to ready)
#   src/bench/run-benchmark.sh -Dbench.quick=true   a smoke run with small sizes (about 11 minutes, 4 of them outboxCost;
#                                                   restart without the run command: -Dbench.runCommand=true adds it)
#   src/bench/run-benchmark.sh -Dbench.quick=true -Dbench.steps=outboxCost
#                                                   only the outbox's cost: intake with a webhook vs without (~7 min)
# Sizes: -Dbench.openCases=100000 -Dbench.archivedCases=1000000 -Dbench.stormTimers=10000 -Dbench.futureTimers=1000000
# summary.json's "goals" judge the run by issue 14's goal table (io.casegrid.bench.Goals), ratios against the raw engine
# of the same run; a goal whose step did not run is absent.
# pgbench (Debian: postgresql-client) is used for the database ceiling when it is installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Pbench -DskipTests package
mvn -B -q -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
classpath="target/bench/test-classes:target/bench/classes:$(cat target/bench/classpath.txt)"
jar=$(ls target/bench/casegrid-*.jar | head -1)
keycloak=$(ls -d target/bench/keycloak/keycloak-* | head -1)
exec java --add-opens java.base/java.lang=ALL-UNNAMED -Xmx2g -Dbench.jar="$jar" -Dbench.keycloakHome="$keycloak" \
  "$@" -cp "$classpath" io.casegrid.bench.Benchmark
