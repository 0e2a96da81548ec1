#!/usr/bin/env bash
# Measures every demo endpoint, naive against eager, at two data sizes (the defaults, then four
# times as much), and prints one Markdown table for the docs: statements per request, median
# latency and speedup. Each size is one run of the demo's tour in its own JVM.
#
# Usage, from the repository root, after `mvn -B -DskipTests package -pl demo -am`:
#   demo/measure.sh [path/to/nplusone-demo.jar]
set -euo pipefail

jar="${1:-$(dirname "$0")/target/nplusone-demo.jar}"
if [[ ! -f "$jar" ]]; then
  echo "no demo jar at $jar: build it with 'mvn -B -DskipTests package -pl demo -am'" >&2
  exit 1
fi

# Runs the tour with the given seed options and prints its table rows, prefixed by a data column.
tour_rows() {
  local label="$1"
  shift
  local output
  output="$(java -jar "$jar" --demo.tour=true --server.port=0 --logging.level.root=warn "$@")"
  grep '^| GET ' <<<"$output" | sed "s/^| /| $label | /"
}

echo "| data | endpoint | naive statements | eager statements | naive ms | eager ms | speedup | same JSON |"
echo "| ---- | -------- | ---------------: | ---------------: | -------: | -------: | ------: | --------- |"
tour_rows "1,000 events"
tour_rows "4,000 events" \
  --demo.seed.users=400 \
  --demo.seed.organizations=80 \
  --demo.seed.attendees=8000 \
  --demo.seed.events=4000
echo
echo "Each event has 10 attendees, drawn from a pool of twice as many attendees as events, 20% of them unaffiliated."
echo "Median of 11 requests after 10 to warm up; $(java -version 2>&1 | head -n 1), $(nproc) cores."
