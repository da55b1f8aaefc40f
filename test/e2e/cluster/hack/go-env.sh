# Sourced by the build scripts: keeps Go's build and module caches inside the repo's git-ignored .cache/go/,
# so a second build (or a CI run on a machine that kept the work tree) is incremental.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
export GOCACHE="${AI_CI_GOCACHE:-$repo_root/.cache/go/build}"
export GOMODCACHE="${AI_CI_GOMODCACHE:-$repo_root/.cache/go/mod}"
export GOFLAGS="${GOFLAGS:-} -trimpath"
export GOTOOLCHAIN=local
export CGO_ENABLED=0
