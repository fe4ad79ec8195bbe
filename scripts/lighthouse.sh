#!/usr/bin/env bash
# Lighthouse's four category scores for every page of the built site, as a phone
# sees it, served from 127.0.0.1 (nothing else is contacted).
#
#   scripts/lighthouse.sh [--best-of-3] [SITE_DIR]     (SITE_DIR defaults to site/)
#
# Needs `make build` first, node_modules/ (`npm ci --ignore-scripts`) and Debian's
# chromium; CHROME_PATH picks another Chromium. --best-of-3 runs each page three
# times and keeps each category's best score, which steadies Performance on a
# busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1
site=site
for argument in "$@"; do
  case "$argument" in
    --best-of-3) runs=3 ;;
    -*) echo "usage: $0 [--best-of-3] [SITE_DIR]" >&2; exit 2 ;;
    *) site=$argument ;;
  esac
done
[ -f "$site/index.html" ] || { echo "$site/index.html not found: run make build first" >&2; exit 1; }
lighthouse=node_modules/.bin/lighthouse
[ -x "$lighthouse" ] || { echo "$lighthouse not found: run npm ci --ignore-scripts" >&2; exit 1; }
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

reports=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Gzipped as GitHub Pages sends it: plain http.server would make every page
# look three times heavier than a reader finds it.
python3 -m trustsite_tools.serve_static "$site" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server"; rm -rf "$reports"' EXIT
until python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; do
  sleep 0.2
done

printf '%-28s %11s %13s %14s %4s\n' page performance accessibility best-practices seo
find "$site" -name index.html -printf '%P\n' | sed 's|index\.html$||' | sort | while read -r page; do
  for run in $(seq "$runs"); do
    "$lighthouse" "http://127.0.0.1:$port/$page" --quiet --output=json \
      --output-path="$reports/$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --no-first-run \
--disable-background-networking --disable-component-update --disable-sync --disable-default-apps"
  done
  # Each category's best score over the runs, out of 100.
  PAGE=$page node -e '
    const ids = ["performance", "accessibility", "best-practices", "seo"];
    const runs = process.argv.slice(1).map(file => require(file).categories);
    const best = ids.map(id => Math.max(...runs.map(run => Math.round(run[id].score * 100))));
    console.log(`${("/" + process.env.PAGE).padEnd(28)} ${String(best[0]).padStart(11)} ` +
                `${String(best[1]).padStart(13)} ${String(best[2]).padStart(14)} ${String(best[3]).padStart(4)}`);
  ' "$reports"/*.json
  rm -f "$reports"/*.json
done
