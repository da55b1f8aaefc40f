import { join } from 'node:path';
import { ChangePointDetector, MODEL_HISTORY_CHANGEPOINT_OPTIONS } from '../changepoints/detector.js';
import { loadNoise, type NoiseBenchmark, type NoiseFile } from '../dataset/noise.js';
import { importFolder } from '../history/import-folder.js';
import { HistoryStore } from '../history/store.js';
import type { RunRecord } from '../history/types.js';
import { median } from '../stats/robust.js';

export interface NoiseFromRunsOptions {
  /** Fewest runs a stable stretch needs to serve as noise. Default 8. */
  minRuns?: number;
}

/**
 * Turns real history (the design document's `--historical-data`) into the noise recording the labelled
 * dataset is generated from: per benchmark and machine class, the runs in time order, cut at the history's own
 * change points so that each stable stretch is pure noise; known regressions are then injected into those
 * stretches by dataset/generate.ts. Stretches shorter than `minRuns` are dropped.
 */
export function noiseFromRuns(runs: readonly RunRecord[], options: NoiseFromRunsOptions = {}): NoiseFile {
  const minRuns = options.minRuns ?? 8;
  const groups = new Map<string, RunRecord[]>();
  for (const r of runs) {
    const key = `${r.benchmark}@${r.machine}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const detector = new ChangePointDetector(MODEL_HISTORY_CHANGEPOINT_OPTIONS);
  const benchmarks: NoiseBenchmark[] = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    group.sort((a, b) => a.time.localeCompare(b.time));
    const unit = group[0]!.unit;
    const series = group.filter((r) => r.unit === unit && r.samples.length > 0);
    const medians = series.map((r) => median(r.samples));
    const cuts = [0, ...detector.detect(medians).map((c) => c.index), series.length];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const stretch = series.slice(cuts[k], cuts[k + 1]);
      if (stretch.length < minRuns) continue;
      benchmarks.push({
        id: cuts.length > 2 ? `${key}#${k}` : key,
        // The dataset only uses the tool to stratify the train/held-out split; custom-format history is
        // grouped with hyperfine, the other tool that measures whole commands.
        tool: series[0]!.format === 'github-action-benchmark' ? 'hyperfine' : series[0]!.format,
        unit,
        runs: stretch.map((r) =>
          r.direction === 'bigger-is-better' ? r.samples.map((v) => 1 / v) : r.samples,
        ),
      });
    }
  }
  return {
    description: `history of ${groups.size} benchmark/machine pairs cut into ${benchmarks.length} stable stretches`,
    benchmarks,
  };
}

/**
 * The noise of a `--historical-data` folder: its results files (any supported format, plain or .gz, and
 * `ai-ci perf export` files) imported into a throwaway history and cut into stable stretches (noiseFromRuns),
 * plus any recorded-noise files (data/perf/noise.json.gz, the format dataset/noise.ts reads) taken as they are.
 * So `perf train --historical-data data/perf`, as the README shows, trains on the shipped recording.
 */
export async function noiseFromFolder(
  dir: string,
  machine: string,
  warn: (message: string) => void,
): Promise<{ noise: NoiseFile; description: string }> {
  const store = HistoryStore.open(':memory:');
  try {
    const imported = await importFolder(store, dir, { machine });
    const recorded: NoiseFile[] = [];
    for (const skipped of imported.skipped) {
      try {
        recorded.push(loadNoise(join(dir, skipped.file)));
      } catch {
        warn(`skipped ${skipped.reason}`);
      }
    }
    const fromRuns = noiseFromRuns(store.allRuns());
    const parts = [
      ...(fromRuns.benchmarks.length > 0 ? [`Real history from ${dir}: ${fromRuns.description}`] : []),
      ...recorded.map((r) => `${r.description} (${r.benchmarks.length} benchmarks)`),
    ];
    const noise: NoiseFile = {
      description: parts.join('; ') || `nothing usable in ${dir}`,
      benchmarks: [...fromRuns.benchmarks, ...recorded.flatMap((r) => r.benchmarks)],
    };
    return { noise, description: `${noise.description}.` };
  } finally {
    store.close();
  }
}
