import { ModelLoadError, OnnxProbabilityModel, type ProbabilityModel } from './onnx-model.js';

/**
 * The design document's circuit breaker around the learned model: a model that is missing, unreadable, made
 * for other features, or that fails while predicting is switched off and the detector goes on with statistics
 * alone. The user is told once per process, through `warn`, however many benchmarks are analysed.
 */
export class ModelBreaker implements ProbabilityModel {
  private open = false;
  private warned = false;

  constructor(
    private readonly inner: ProbabilityModel | undefined,
    private readonly warn: (message: string) => void,
    loadProblem?: string,
  ) {
    if (!inner) this.trip(loadProblem ?? 'no model given');
  }

  /** Loads the ONNX model at `path` behind a breaker; never throws for a bad model file. */
  static async load(
    path: string | undefined,
    featureNames: readonly string[],
    warn: (message: string) => void,
    device: 'auto' | 'cpu' | 'cuda' = 'auto',
  ): Promise<ModelBreaker> {
    if (path === undefined) return new ModelBreaker(undefined, warn, 'no model given');
    try {
      return new ModelBreaker(await OnnxProbabilityModel.load(path, { featureNames, device }), warn);
    } catch (err) {
      if (err instanceof ModelLoadError) return new ModelBreaker(undefined, warn, `model ${err.message}`);
      return new ModelBreaker(undefined, warn, `model ${path} cannot be used (${(err as Error).message})`);
    }
  }

  /** True while the model serves predictions. */
  get available(): boolean {
    return !this.open;
  }

  /** The model under the breaker, when it loaded. */
  get model(): ProbabilityModel | undefined {
    return this.inner;
  }

  /**
   * Probabilities from the model; throws ModelUnavailableError once the breaker is open, so the caller uses
   * statistics instead. A failure while predicting opens the breaker for the rest of the process.
   */
  async predict(features: Float32Array[]): Promise<number[]> {
    if (this.open || !this.inner) throw new ModelUnavailableError();
    try {
      const p = await this.inner.predict(features);
      if (p.length !== features.length || p.some((v) => !Number.isFinite(v) || v < 0 || v > 1)) {
        throw new Error('it returned values that are not probabilities');
      }
      return p;
    } catch (err) {
      this.trip(`the model failed while predicting (${(err as Error).message})`);
      throw new ModelUnavailableError();
    }
  }

  private trip(reason: string) {
    this.open = true;
    if (this.warned || reason === 'no model given') return;
    this.warned = true;
    this.warn(`${reason}; using statistics alone`);
  }
}

export class ModelUnavailableError extends Error {
  constructor() {
    super('the performance model is not available');
    this.name = 'ModelUnavailableError';
  }
}
