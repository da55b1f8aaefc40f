#!/usr/bin/env bash
# Builds the local test control plane and the dev tools from the Go module proxy into <repo>/bin (git-ignored):
#   etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok, kubeharness   (module ./, pinned k8s)
#   helm, actionlint                                                                (module ./tools)
# Go's caches live in <repo>/.cache/go (git-ignored). A stamp of every input lets a second run skip the build
# entirely; `--force` rebuilds anyway. Environment: AI_CI_BIN_DIR overrides the output folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
. ./versions.env
. ./hack/go-env.sh
bin_dir="${AI_CI_BIN_DIR:-$repo_root/bin}"
mkdir -p "$bin_dir" "$repo_root/.cache"
# One build at a time per checkout (npm test runs this too, and two test runs may start together).
exec 9>"$repo_root/.cache/e2e-cluster-build.lock"
flock 9

command -v go >/dev/null || { echo "cluster build: Go is required (https://go.dev/dl, >= the version in go.mod)" >&2; exit 1; }

control_plane=(./cmd/etcd ./cmd/kubeharness
  k8s.io/kubernetes/cmd/kube-apiserver
  k8s.io/kubernetes/cmd/kube-controller-manager
  k8s.io/kubernetes/cmd/kube-scheduler
  sigs.k8s.io/kwok/cmd/kwok)
tools=(helm.sh/helm/v4/cmd/helm github.com/rhysd/actionlint/cmd/actionlint)
outputs=(etcd kubeharness kube-apiserver kube-controller-manager kube-scheduler kwok helm actionlint)

stamp_file="$bin_dir/.e2e-cluster.stamp"
stamp="$( { go version; cat versions.env go.mod go.sum tools/go.mod tools/go.sum build.sh; find cmd -type f -name '*.go' | sort | xargs cat; } | sha256sum | cut -d' ' -f1)"
if [ "${1:-}" != "--force" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
  missing=0
  for o in "${outputs[@]}"; do [ -x "$bin_dir/$o" ] || missing=1; done
  if [ "$missing" = 0 ]; then echo "cluster build: $bin_dir is up to date (Kubernetes $KUBERNETES_VERSION)"; exit 0; fi
fi
rm -f "$stamp_file"

minor="${KUBERNETES_VERSION#v1.}"; minor="${minor%%.*}"
version_pkg=k8s.io/component-base/version
ldflags="-s -w -X $version_pkg.gitVersion=$KUBERNETES_VERSION -X $version_pkg.gitMajor=1 -X $version_pkg.gitMinor=$minor"
ldflags="$ldflags -X $version_pkg.gitTreeState=clean"

start=$SECONDS
echo "cluster build: control plane (Kubernetes $KUBERNETES_VERSION, kwok $KWOK_VERSION) -> $bin_dir"
go build -ldflags="$ldflags" -o "$bin_dir/" "${control_plane[@]}"
echo "cluster build: tools (helm $HELM_VERSION, actionlint $ACTIONLINT_VERSION) -> $bin_dir"
(cd tools && go build -ldflags="-s -w" -o "$bin_dir/" "${tools[@]}")
echo "$stamp" > "$stamp_file"
echo "cluster build: done in $((SECONDS - start))s"
