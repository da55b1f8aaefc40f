#!/usr/bin/env bash
# Runs a command with Node >= 22.12 (Node 24 LTS) first on PATH, installing it into .node/ when needed.
#   scripts/node-env.sh npm test
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_bin="$("$root/scripts/bootstrap-node.sh")"
export PATH="$node_bin:$root/bin:$PATH"
# onnxruntime-node's install script would download CUDA binaries; the CPU build ships inside the package.
export ONNXRUNTIME_NODE_INSTALL=skip
[ "$#" -gt 0 ] || { echo "usage: scripts/node-env.sh COMMAND [ARGS...]" >&2; exit 2; }
exec "$@"
