# syntax=docker/dockerfile:1
# The ai-ci controller image: `docker build -t ai-ci-controller .`
# Multi-stage: TypeScript is compiled with the dev dependencies, the runtime gets production dependencies only
# (without onnxruntime, which only the CLI uses) on a slim Node 24 base, and runs as the non-root `node` user.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
# onnxruntime-node's install step would download CUDA binaries; the controller never loads onnxruntime.
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# `npm run build` ends by bundling the controller into dist/controller/main.js.
COPY scripts/bundle-controller.ts ./scripts/
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
# The controller imports no onnxruntime (src/controller may not import src/runner-image; a test checks every
# package it imports is a production dependency): drop the ~290 MB of native binaries.
RUN npm ci --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/onnxruntime-node node_modules/onnxruntime-common \
  && npm cache clean --force

FROM ${NODE_IMAGE}
LABEL org.opencontainers.image.title="ai-ci-controller" \
      org.opencontainers.image.description="ai-ci controller: ephemeral GitHub Actions GPU runners on Kubernetes, in low-carbon windows" \
      org.opencontainers.image.licenses="Apache-2.0"
ENV NODE_ENV=production
# Memory of the controller (README → RunnerPool → Running it; `npm run bench:controller` runs it the same way): a
# small young generation and old-space cap for a cache-heavy, allocation-light process; two malloc arenas; and
# allocations of 128 KiB and more mmap'ed, so the large transient buffers of the informers' initial lists go back to
# the system instead of fragmenting the malloc heap. NODE_OPTIONS may be overridden (e.g. a larger old space for
# many more pools).
ENV NODE_OPTIONS="--max-semi-space-size=2 --max-old-space-size=160" \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
# The `node` user of the official image (uid 1000); the chart runs it with a read-only root filesystem.
USER 1000:1000
# 9443 webhooks, 8080 /metrics, 8081 /healthz and /readyz
EXPOSE 9443 8080 8081
# dist/controller/main.js is one bundle (scripts/bundle-controller.ts, part of `npm run build`). --optimize-for-size
# is not allowed in NODE_OPTIONS, so it is given here.
ENTRYPOINT ["node", "--optimize-for-size", "dist/controller/main.js"]
