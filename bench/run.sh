#!/usr/bin/env bash
# Measures what the nplusone agent costs and prints one table: per statement, per request,
# start-up, memory and stack capture (see docs/performance.md). Builds the agent, the demo and the
# benchmarks first (without their tests), then runs bench/target/nplusone-bench.jar.
#
# Usage, from anywhere in the repository:
#   bench/run.sh                          # everything, about fifteen minutes
#   bench/run.sh --quick                  # everything, fewer and shorter rounds: about three minutes
#   bench/run.sh --only statement,memory  # some parts: statement, stack, request, startup, memory (and, not by
#                                         # default: profile, a JFR profile; cpu, per statement in CPU time)
#   bench/run.sh --quick --rounds 3 ...   # quick windows, but three rounds of per-statement forks
#   BENCH_SKIP_BUILD=1 bench/run.sh ...   # reuse the jars already built
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  mvn -B -q -DskipTests package -pl agent,demo,bench -am
fi

exec java -Xmx256m -jar bench/target/nplusone-bench.jar \
  --agent agent/target/nplusone-agent.jar \
  --demo demo/target/nplusone-demo.jar \
  --otel bench/target/opentelemetry-javaagent.jar \
  "$@"
