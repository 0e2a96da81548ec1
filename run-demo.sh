#!/usr/bin/env bash
# Builds the agent and the demo, then runs the demo's self-driving tour with the agent attached:
# every endpoint naive and eager (a JSON API, loads inside Jackson, a Thymeleaf page, GraphQL, a
# parallel fan-out, a write path), a table of statements and times, then the agent's report.
# Extra arguments go to the demo, e.g. --demo.database=postgres --demo.round-trip=1ms to run on a
# real PostgreSQL as if it were across availability zones, or --demo.tour.keep-running=true to keep
# serving afterwards.
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -DskipTests package -pl demo -am

java -javaagent:agent/target/nplusone-agent.jar=report=demo/target/nplusone.json \
     -jar demo/target/nplusone-demo.jar --demo.tour=true --server.port=0 --logging.level.root=warn "$@"

echo
echo "JSON report: demo/target/nplusone.json"
echo "Measured on H2 and PostgreSQL at added round trips of 0, 0.2 and 1 ms: docs/demo-measurements.md (demo/measure.sh)"
