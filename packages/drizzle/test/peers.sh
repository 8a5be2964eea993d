#!/usr/bin/env bash
# Prove the peer range: install each drizzle-orm/drizzle-kit pair into a fresh folder and run
# test/peers.test.ts against them (ormdoc's DDL vs that drizzle-kit's own, on PGlite and sql.js).
# Usage: packages/drizzle/test/peers.sh [orm@kit ...]   (default: the oldest and the newest 0.x)
# Needs the npm registry. Run from anywhere inside the repository.
set -euo pipefail
pairs=("$@")
[ ${#pairs[@]} -eq 0 ] && pairs=("0.32.2@0.23.2" "0.45.4@0.31.11")
root=$(cd "$(dirname "$0")/../../.." && pwd)
base=$(mktemp -d "${TMPDIR:-/tmp}/ormdoc-drizzle-peers-XXXXXX")
trap 'rm -rf "$base"' EXIT
dirs=()
for pair in "${pairs[@]}"; do
  orm=${pair%@*}
  kit=${pair#*@}
  dir="$base/orm-$orm"
  mkdir -p "$dir"
  echo '{ "name": "ormdoc-drizzle-peer", "private": true }' >"$dir/package.json"
  (cd "$dir" && npm i --no-save --ignore-scripts --no-audit --no-fund "drizzle-orm@$orm" "drizzle-kit@$kit" >/dev/null)
  dirs+=("$dir")
done
cd "$root"
ORMDOC_DRIZZLE_PEERS=$(IFS=:; echo "${dirs[*]}") pnpm vitest run packages/drizzle/test/peers.test.ts
