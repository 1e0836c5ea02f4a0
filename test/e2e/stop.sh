#!/usr/bin/env bash
# stop.sh NAME: stops the code-server that `start.sh NAME` started, with the extension hosts and
# language servers it spawned. Processes are found from the recorded PID down (parent PIDs), so
# nothing else on the machine is touched. Keeps .state/NAME (logs) for inspection.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NAME="${1:?usage: stop.sh NAME}"
PIDFILE="$HERE/.state/$NAME/code-server.pid"
[ -f "$PIDFILE" ] || { echo "code-server '$NAME' is not running"; exit 0; }
PID="$(cat "$PIDFILE")"
descendants() { local child; for child in $(pgrep -P "$1" 2>/dev/null); do descendants "$child"; echo "$child"; done; }
if kill -0 "$PID" 2>/dev/null; then
  TREE=($(descendants "$PID") "$PID")
  kill "${TREE[@]}" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "${TREE[@]}" 2>/dev/null || true
fi
rm -f "$PIDFILE"
echo "stopped code-server '$NAME' (pid $PID)"
