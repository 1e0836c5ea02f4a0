#!/usr/bin/env bash
# start.sh NAME [VSIX...]: starts code-server (VS Code 1.100.3) on 127.0.0.1:$PORT with a fresh state
# folder test/e2e/.state/NAME (user data, extensions, settings, config, log), after installing each
# VSIX given. Returns once /healthz answers and prints the PID (also in .state/NAME/code-server.pid).
# Stop it with: ./stop.sh NAME
#   PORT=8123 ./start.sh ui ../../dist/hslist-0.1.0.vsix
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NAME="${1:?usage: start.sh NAME [VSIX...]}"; shift
PORT="${PORT:-8123}"
STATE="$HERE/.state/$NAME"
CODE_SERVER=(node "$HERE/node_modules/code-server/out/node/entry.js")

if [ -f "$STATE/code-server.pid" ] && kill -0 "$(cat "$STATE/code-server.pid")" 2>/dev/null; then
  echo "code-server '$NAME' already runs as pid $(cat "$STATE/code-server.pid"); ./stop.sh $NAME first" >&2
  exit 1
fi
rm -rf "$STATE"
mkdir -p "$STATE/data/User" "$STATE/extensions" "$STATE/xdg"
# code-server keeps config.yaml under XDG_CONFIG_HOME: keep it inside the state folder, not in ~.
export XDG_CONFIG_HOME="$STATE/xdg" XDG_DATA_HOME="$STATE/xdg"
# An empty gallery: no open-vsx.org lookups (unreachable here; they only log ENOTFOUND).
if [ -z "${EXTENSIONS_GALLERY:-}" ]; then export EXTENSIONS_GALLERY='{}'; fi

# A quiet, deterministic workbench: no welcome page, tips, trust prompt, AI features or updates.
cat > "$STATE/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "window.restoreWindows": "none",
  "files.autoSave": "off"
}
JSON

DIRS=(--user-data-dir "$STATE/data" --extensions-dir "$STATE/extensions")
for vsix in "$@"; do
  "${CODE_SERVER[@]}" "${DIRS[@]}" --install-extension "$vsix" >> "$STATE/install.log" 2>&1 \
    || { cat "$STATE/install.log" >&2; exit 1; }
done

nohup "${CODE_SERVER[@]}" "${DIRS[@]}" \
  --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --disable-proxy \
  > "$STATE/code-server.log" 2>&1 < /dev/null &
PID=$!
echo "$PID" > "$STATE/code-server.pid"

healthy() { node -e "fetch('http://127.0.0.1:$PORT/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; }
# Poll the health endpoint (a condition, bounded to about 60 s), failing fast if the process died.
for _ in $(seq 1 120); do
  if healthy; then echo "$PID"; exit 0; fi
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.5
done
echo "code-server '$NAME' did not come up on port $PORT; log:" >&2
cat "$STATE/code-server.log" >&2
kill "$PID" 2>/dev/null || true
exit 1
