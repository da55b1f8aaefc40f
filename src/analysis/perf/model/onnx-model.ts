import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Ort from 'onnxruntime-node';
import { INPUT_NAME, OUTPUT_NAME, readOnnxMetadata } from './onnx-export.js';

type OrtModule = typeof Ort;
let runtime: Promise<OrtModule> | undefined;

/**
 * onnxruntime-node, imported on first use: its native binding costs ~0.1 s of CPU and ~40 MB at start-up, which
 * every `ai-ci` command (`carbon track` above all, whose overhead is a target) would otherwise pay for nothing.
 * Only code that runs a model calls this.
 */
export function loadOnnxRuntime(): Promise<OrtModule> {
  runtime ??= import('onnxruntime-node');
  return runtime;
}

/** The onnxruntime-node version (loads the native binding, so it also proves that the binding loads). */
export async function onnxRuntimeVersion(): Promise<string> {
  const ort = await loadOnnxRuntime();
  return ort.env.versions.node ?? ort.env.versions.common ?? 'unknown';
}

/** What the detector needs from a learned model (detect.ts's ProbabilityModel). */
export interface ProbabilityModel {
  /** Probability of a real regression for each feature vector. */
  predict(features: Float32Array[]): Promise<number[]>;
}

export type DevicePreference = 'auto' | 'cpu' | 'cuda';

export interface LoadOptions {
  /** The feature names the caller computes; a model trained on other features is refused. */
  featureNames: readonly string[];
  /** auto: CUDA when a GPU and onnxruntime's CUDA provider are both present, else CPU. */
  device?: DevicePreference;
}

/** A model file that cannot serve: missing, not ONNX, or made for other features. */
export class ModelLoadError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ModelLoadError';
  }
}

/** The ONNX performance model run by onnxruntime-node. */
export class OnnxProbabilityModel implements ProbabilityModel {
  private constructor(
    private readonly ort: OrtModule,
    private readonly session: Ort.InferenceSession,
    readonly featureCount: number,
    /** The execution provider in use, and why not CUDA when CUDA was not used. */
    readonly executionProvider: string,
    readonly info: Record<string, unknown>,
  ) {}

  static async load(path: string, opts: LoadOptions): Promise<OnnxProbabilityModel> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ModelLoadError(path, code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`);
    }
    return OnnxProbabilityModel.fromBytes(bytes, path, opts);
  }

  /** Loads a model from its bytes; `path` only names it in errors. */
  static async fromBytes(bytes: Uint8Array, path: string, opts: LoadOptions): Promise<OnnxProbabilityModel> {
    let meta: ReturnType<typeof readOnnxMetadata>;
    try {
      meta = readOnnxMetadata(bytes);
    } catch (err) {
      throw new ModelLoadError(path, `is not an ONNX model (${(err as Error).message})`);
    }
    if (!meta.featureNames) {
      throw new ModelLoadError(
        path,
        'has no ai-ci.feature_names metadata: it was not written by ai-ci perf train',
      );
    }
    const expected = opts.featureNames.join(',');
    if (meta.featureNames.join(',') !== expected) {
      throw new ModelLoadError(
        path,
        `was trained on other features (${meta.featureNames.length}: ${meta.featureNames.slice(0, 3).join(', ')}, …) ` +
          `than this ai-ci computes (${opts.featureNames.length}); retrain it with ai-ci perf train`,
      );
    }
    const ort = await loadOnnxRuntime();
    const { session, provider } = await createSession(ort, bytes, path, opts.device ?? 'auto');
    if (!session.inputNames.includes(INPUT_NAME) || !session.outputNames.includes(OUTPUT_NAME)) {
      await session.release();
      throw new ModelLoadError(path, `must have input "${INPUT_NAME}" and output "${OUTPUT_NAME}"`);
    }
    return new OnnxProbabilityModel(ort, session, opts.featureNames.length, provider, meta.info ?? {});
  }

  async predict(features: Float32Array[]): Promise<number[]> {
    if (features.length === 0) return [];
    const f = this.featureCount;
    const data = new Float32Array(features.length * f);
    features.forEach((x, i) => {
      if (x.length !== f)
        throw new RangeError(`feature vector ${i} has ${x.length} values, the model takes ${f}`);
      data.set(x, i * f);
    });
    const out = await this.session.run({
      [INPUT_NAME]: new this.ort.Tensor('float32', data, [features.length, f]),
    });
    return Array.from(out[OUTPUT_NAME]!.data as Float32Array);
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

async function createSession(
  ort: OrtModule,
  bytes: Uint8Array,
  path: string,
  device: DevicePreference,
): Promise<{ session: Ort.InferenceSession; provider: string }> {
  let cudaProblem: string | undefined;
  const tryCuda = device === 'cuda' || (device === 'auto' && cudaLikelyAvailable());
  if (tryCuda) {
    try {
      const session = await ort.InferenceSession.create(bytes, {
        executionProviders: [{ name: 'cuda', deviceId: 0 }, 'cpu'],
        logSeverityLevel: 4,
      });
      return { session, provider: 'cuda' };
    } catch (err) {
      // Session creation is where a missing CUDA build or driver shows; the CPU build always works.
      cudaProblem = (err as Error).message.split('\n')[0];
    }
  } else if (device === 'auto') {
    cudaProblem = 'no GPU or no CUDA build of onnxruntime';
  }
  try {
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'] });
    return { session, provider: cudaProblem ? `cpu (not cuda: ${cudaProblem})` : 'cpu' };
  } catch (err) {
    throw new ModelLoadError(path, `onnxruntime cannot load it (${(err as Error).message.split('\n')[0]})`);
  }
}

/**
 * The CPU build of onnxruntime-node has no CUDA provider library, and asking for CUDA there makes the native
 * code print an error; so only ask when a GPU device node and the provider library are both present.
 */
function cudaLikelyAvailable(): boolean {
  if (!existsSync('/dev/nvidiactl')) return false;
  try {
    const entry = createRequire(import.meta.url).resolve('onnxruntime-node');
    const bin = join(dirname(entry), '..', 'bin', 'napi-v6', process.platform, process.arch);
    return existsSync(join(bin, 'libonnxruntime_providers_cuda.so'));
  } catch {
    return false;
  }
}
