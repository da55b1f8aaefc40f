// Small real workloads for recording Google Benchmark noise on the CI machine (scripts/perf/record-noise.sh).
// They are deliberately varied (memory-bound, branch-heavy, allocation-heavy, floating point) so that
// the recorded noise covers different kinds of variability.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

static std::vector<int> RandomInts(size_t n) {
  std::mt19937 rng(42);
  std::vector<int> v(n);
  for (auto& x : v) x = static_cast<int>(rng());
  return v;
}

static void BM_SortInts(benchmark::State& state) {
  const auto input = RandomInts(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto v = input;
    std::sort(v.begin(), v.end());
    benchmark::DoNotOptimize(v.data());
  }
}
BENCHMARK(BM_SortInts)->Arg(20000);

static void BM_UnorderedMapInsert(benchmark::State& state) {
  const auto keys = RandomInts(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    std::unordered_map<int, int> m;
    for (int k : keys) m[k] = k;
    benchmark::DoNotOptimize(m.size());
  }
}
BENCHMARK(BM_UnorderedMapInsert)->Arg(10000);

static void BM_MapLookup(benchmark::State& state) {
  const auto keys = RandomInts(static_cast<size_t>(state.range(0)));
  std::map<int, int> m;
  for (int k : keys) m[k] = k;
  for (auto _ : state) {
    long sum = 0;
    for (int k : keys) sum += m.find(k)->second;
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_MapLookup)->Arg(10000);

static void BM_StringConcat(benchmark::State& state) {
  for (auto _ : state) {
    std::string s;
    for (int i = 0; i < state.range(0); ++i) s += std::to_string(i);
    benchmark::DoNotOptimize(s.data());
  }
}
BENCHMARK(BM_StringConcat)->Arg(5000);

static void BM_Memcpy(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<char> src(n, 'x'), dst(n);
  for (auto _ : state) {
    std::memcpy(dst.data(), src.data(), n);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n));
}
BENCHMARK(BM_Memcpy)->Arg(1 << 20);

static void BM_SqrtSum(benchmark::State& state) {
  for (auto _ : state) {
    double acc = 0;
    for (int i = 1; i < state.range(0); ++i) acc += std::sqrt(static_cast<double>(i));
    benchmark::DoNotOptimize(acc);
  }
}
BENCHMARK(BM_SqrtSum)->Arg(100000);

static void BM_VectorPushBack(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<long> v;
    for (long i = 0; i < state.range(0); ++i) v.push_back(i);
    benchmark::DoNotOptimize(v.data());
  }
}
BENCHMARK(BM_VectorPushBack)->Arg(50000);

static void BM_Accumulate(benchmark::State& state) {
  std::vector<double> v(static_cast<size_t>(state.range(0)), 1.5);
  for (auto _ : state) {
    double s = std::accumulate(v.begin(), v.end(), 0.0);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Accumulate)->Arg(200000);

BENCHMARK_MAIN();
