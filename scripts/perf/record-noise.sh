#!/usr/bin/env bash
# Records real benchmark noise on this machine: the same small workloads run again and again, as a CI job
# would run them on every push, with hyperfine, pytest-benchmark and Google Benchmark writing their own file formats.
# The raw files land in OUT_DIR; scripts/perf/extract-noise.ts turns them into data/perf/noise.json.gz.
#   scripts/perf/record-noise.sh OUT_DIR [BUDGET_SECONDS]
# Needs: apt-get install -y hyperfine python3-pytest-benchmark libbenchmark-dev g++
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: record-noise.sh OUT_DIR [BUDGET_SECONDS]}"
budget="${2:-480}"
mkdir -p "$out/hyperfine" "$out/pytest" "$out/gbench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

g++ -O2 -std=c++17 "$here/workloads/gbench_workloads.cc" -o "$work/gbench" -lbenchmark -lpthread
# A fixed, compressible input (the same bytes on every machine) for the command-line workloads.
/usr/bin/python3 -c "
import random
r = random.Random(7)
words = ['w%d' % r.randrange(5000) for _ in range(300000)]
open('$work/input.txt', 'w').write('\n'.join(words))
"
head -c 200000 "$work/input.txt" > "$work/small.txt"

start=$(date +%s)
i=0
while [ $(( $(date +%s) - start )) -lt "$budget" ]; do
  n=$(printf '%03d' "$i")
  hyperfine --style none --shell=none --warmup 1 --runs 10 --export-json "$out/hyperfine/run-$n.json" \
    -n gzip "gzip -c $work/input.txt" \
    -n sort "sort $work/input.txt" \
    -n sha256sum "sha256sum $work/input.txt" \
    -n md5sum "md5sum $work/input.txt" \
    -n xz "xz -1 -c $work/small.txt" \
    -n wc "wc -w $work/input.txt" \
    -n bzip2 "bzip2 -c $work/small.txt" >/dev/null
  (cd "$work" && /usr/bin/python3 -m pytest -q -p no:cacheprovider "$here/workloads/test_pybench_workloads.py" \
    --benchmark-json="$out/pytest/run-$n.json" --benchmark-min-rounds=10 --benchmark-max-time=0.05 \
    --benchmark-save-data >/dev/null)
  "$work/gbench" --benchmark_repetitions=10 --benchmark_min_time=0.02 --benchmark_format=json \
    --benchmark_out="$out/gbench/run-$n.json" >/dev/null 2>&1
  i=$((i + 1))
  echo "iteration $i done after $(( $(date +%s) - start ))s" >&2
done
echo "recorded $i iterations into $out" >&2
