#!/usr/bin/env bash
# Runs every test of the project against real servers: installs missing prerequisites, then ./mvnw verify.
# Extra arguments go to Maven (e.g. ./run-tests.sh -pl local-stack).
set -euo pipefail
cd "$(dirname "$0")"

bin/install-prerequisites

server_processes() {
  { pgrep -x redis-server || true; pgrep -f clickhouse-server || true; pgrep -f org.elasticsearch.bootstrap || true; } | sort
}
before=$(server_processes)

status=0
./mvnw -B verify "$@" || status=$?

# Every server a test starts must be gone once the tests are over, also after failures.
leftover=$(comm -13 <(echo "$before") <(server_processes) | grep -v '^$' || true)
if [ -n "$leftover" ]; then
  echo "processes left behind by the tests:" >&2
  ps -o pid,user,args -p $(echo $leftover | tr ' ' ',') >&2 || true
  status=1
fi
exit $status
