#!/usr/bin/env bash
# Redraws the benchmark's plots (PNG, io.casegrid.bench.Plots) from an existing summary.json, e.g. an older run's:
#   src/bench/plot-summary.sh docs/bench/summary-20261123-184334.json            beside it, named after it
#   src/bench/plot-summary.sh target/bench/results/<time>/summary.json <folder> [<prefix>]
# The benchmark draws them itself at the end of a run, into plots/ beside its summary.json.
set -euo pipefail
[[ $# -ge 1 ]] || { sed -n '2,5p' "$0" >&2; exit 2; }
summary=$(realpath "$1"); shift
args=("$summary")
for a in "$@"; do args+=("$(realpath -m "$a")"); done
[[ $# -ge 2 ]] && args[2]="$2"
cd "$(dirname "$0")/../.."
mvn -B -q -Pbench -DskipTests test-compile
mvn -B -q -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
exec java -Djava.awt.headless=true -cp "target/bench/test-classes:target/bench/classes:$(cat target/bench/classpath.txt)" \
  io.casegrid.bench.Plots "${args[@]}"
