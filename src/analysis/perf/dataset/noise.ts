/** The recorded real benchmark noise (data/perf/noise.json.gz, made by scripts/perf/extract-noise.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface NoiseBenchmark {
  /** `tool/name`, e.g. `hyperfine/gzip`. */
  id: string;
  tool: 'hyperfine' | 'pytest-benchmark' | 'google-benchmark';
  unit: string;
  /** runs[i]: the samples (rounds, repetitions) of the i-th recorded run, in time order. */
  runs: number[][];
}

export interface NoiseFile {
  description: string;
  benchmarks: NoiseBenchmark[];
}

/** Where the recorded noise lives: data/perf/ at the repository root, from src/ (tsx) and dist/ alike. */
export const DEFAULT_NOISE_FILE = fileURLToPath(
  new URL('../../../../data/perf/noise.json.gz', import.meta.url),
);

export function loadNoise(file = DEFAULT_NOISE_FILE): NoiseFile {
  let doc: unknown;
  try {
    doc = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch (err) {
    throw new Error(`${file}: cannot read the recorded noise (${(err as Error).message})`);
  }
  const benchmarks = (doc as Partial<NoiseFile>).benchmarks;
  if (!Array.isArray(benchmarks) || benchmarks.length === 0)
    throw new Error(`${file}: field "benchmarks" is missing or empty`);
  benchmarks.forEach((b, i) => {
    if (typeof b?.id !== 'string' || !Array.isArray(b.runs) || b.runs.length === 0) {
      throw new Error(`${file}: benchmarks[${i}] needs an "id" and a non-empty "runs" array`);
    }
  });
  return doc as NoiseFile;
}
