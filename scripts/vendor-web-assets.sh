#!/usr/bin/env bash
# Installs the browser libraries listed in src/CrisisCoord.Web/package.json from npm (exact versions, from
# package-lock.json) and copies their distributable files to src/CrisisCoord.Web/wwwroot/lib, where the
# portal serves them itself: no page loads code from a CDN. Run it after changing a version and commit
# the result; building and running the portal need neither node nor network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
web="$root/src/CrisisCoord.Web"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$web/package.json" "$work/"
[ -f "$web/package-lock.json" ] && cp "$web/package-lock.json" "$work/"
(cd "$work" && if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund; else npm install --ignore-scripts --no-audit --no-fund; fi)
cp "$work/package-lock.json" "$web/package-lock.json"

leaflet="$web/wwwroot/lib/leaflet"
rm -rf "$leaflet"
mkdir -p "$leaflet/images"
cp "$work/node_modules/leaflet/dist/leaflet.js" "$work/node_modules/leaflet/dist/leaflet.css" "$leaflet/"
cp "$work/node_modules/leaflet/dist/images/"*.png "$leaflet/images/"
cp "$work/node_modules/leaflet/LICENSE" "$leaflet/LICENSE"
echo "leaflet $(node -p "require('$work/node_modules/leaflet/package.json').version") copied to ${leaflet#"$root"/}"

signalr="$web/wwwroot/lib/signalr"
rm -rf "$signalr"
mkdir -p "$signalr"
cp "$work/node_modules/@microsoft/signalr/dist/browser/signalr.min.js" "$signalr/"
# The npm package ships no licence file; its package.json says MIT (the ASP.NET Core repository's licence).
node -p "const p = require('$work/node_modules/@microsoft/signalr/package.json'); p.name + ' ' + p.version + ', licence: ' + p.license + ', from ' + p.repository.url" > "$signalr/LICENSE"
echo "@microsoft/signalr $(node -p "require('$work/node_modules/@microsoft/signalr/package.json').version") copied to ${signalr#"$root"/}"
