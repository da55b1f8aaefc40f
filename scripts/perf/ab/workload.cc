// Google Benchmark workloads for `npm run eval:ab`: real builds whose difference is known. WORK_PCT (a compile-time
// macro, default 100) scales the work of every benchmark; each is linear in its size, so a build with
// -DWORK_PCT=110 does 10% more work than one with -DWORK_PCT=100 (about 10% slower, as a code change that adds
// work would be), and two builds with the same WORK_PCT are an unchanged pair.
#include <benchmark/benchmark.h>

#include <numeric>
#include <random>
#include <vector>

#ifndef WORK_PCT
#define WORK_PCT 100
#endif

static size_t Size(size_t base) { return base * WORK_PCT / 100; }

static void BM_Scan(benchmark::State& state) {
  std::mt19937 rng(42);
  std::vector<int> input(Size(200000));
  for (auto& x : input) x = static_cast<int>(rng() % 1000);
  std::vector<int> out(input.size());
  for (auto _ : state) {
    std::partial_sum(input.begin(), input.end(), out.begin());
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_Scan);

static void BM_Sum(benchmark::State& state) {
  std::vector<double> input(Size(200000), 1.5);
  for (auto _ : state) {
    double s = std::accumulate(input.begin(), input.end(), 0.0);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Sum);

static void BM_Fill(benchmark::State& state) {
  std::vector<int> v(Size(300000));
  for (auto _ : state) {
    std::iota(v.begin(), v.end(), 1);
    benchmark::DoNotOptimize(v.data());
  }
}
BENCHMARK(BM_Fill);

BENCHMARK_MAIN();
