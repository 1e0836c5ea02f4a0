#!/usr/bin/env bash
# setup.sh: installs what the e2e harness needs, offline apart from the npm registry and Debian apt:
# code-server 4.100.3 (VS Code 1.100.3 web workbench + Node extension host), playwright-core,
# @vscode/vsce, mocha, and Debian's chromium + ripgrep. Idempotent: a stamp of package.json +
# package-lock.json skips npm when nothing changed, so a second run takes about a second.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

# 1. Debian packages: chromium (the browser Playwright drives), ripgrep (replaces the GitHub
#    download of @vscode/ripgrep), libkrb5-dev (headers for code-server's native module kerberos).
missing=()
for pkg in chromium ripgrep libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
for tool in python3 make g++; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  echo "[setup] apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. @vscode/ripgrep's postinstall fetches rg from GitHub unless it finds
#    $TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<tag>-<target>.tar.gz. Seed it with Debian's
#    rg (same upstream 13.0.0). Versions are those pinned by code-server 4.100.3: change them together.
RG_PKG_VERSION=1.15.11
RG_TAG=v13.0.0-10
case "$(uname -m)" in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) echo "[setup] unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
RG_ARCHIVE="$RG_CACHE/ripgrep-$RG_TAG-$RG_TARGET.tar.gz"
if [ ! -f "$RG_ARCHIVE" ]; then
  mkdir -p "$RG_CACHE"
  tar czf "$RG_ARCHIVE" -C "$(dirname "$(command -v rg)")" rg
fi

# 3. npm ci in this folder only. The environment makes code-server's install scripts pass as root
#    and offline:
#    npm_config_unsafe_perm   code-server's postinstall.sh refuses root without it (npm 11 warns
#                             "Unknown env config" but passes it on).
#    npm_config_yes           node-pty's postinstall runs `npx node-gyp`; /root/.npmrc has yes=false.
#    npm_config_nodedir       node-gyp builds against Node's own headers instead of downloading them.
#    npm_config_dangerously_allow_all_scripts  keeps dependency install scripts running should npm
#                             start blocking them by default.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true
if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
STAMP=node_modules/.hslist-e2e-stamp
fingerprint() { cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1; }
if [ "$(cat "$STAMP" 2>/dev/null)" = "$(fingerprint)" ]; then
  echo "[setup] node_modules up to date"
else
  mode=ci; [ -f package-lock.json ] || mode=install
  echo "[setup] npm $mode (native compiles: about 2 minutes on 2 cores)"
  if ! npm "$mode" --no-audit --no-fund --foreground-scripts > npm-install.log 2>&1; then
    tail -40 npm-install.log >&2; exit 1
  fi
  fingerprint > "$STAMP"
fi

# 4. Sanity checks: fail here rather than in the middle of a test run.
test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
test -x /usr/bin/chromium
echo "[setup] ready: code-server $(node -p 'require("./node_modules/code-server/package.json").version'), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
