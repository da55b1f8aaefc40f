#!/usr/bin/env bash
# One-time setup of a checkout: Node 24 if the system Node is too old, npm dependencies, and a build of dist/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/node-env.sh npm ci --no-audit --no-fund --loglevel=error
scripts/node-env.sh npm run build --silent
echo "bootstrap: ready. Run the CLI with scripts/ai-ci, the tests with scripts/node-env.sh npm test" >&2
