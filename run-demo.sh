#!/usr/bin/env bash
# Builds everything, then runs the demo's self-driving tour with the agent attached:
# every endpoint naive and eager, a table of statements and times, then the agent's N+1 report.
# Extra arguments go to the demo, e.g. --demo.tour.keep-running=true to keep serving afterwards.
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -DskipTests package

java -javaagent:agent/target/nplusone-agent.jar=report=demo/target/nplusone.json \
     -jar demo/target/nplusone-demo.jar --demo.tour=true --server.port=0 "$@"

echo
echo "JSON report: demo/target/nplusone.json"
