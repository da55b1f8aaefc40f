/**
 * A small client for the MLflow tracking server's REST API 2.0, as documented at
 * https://mlflow.org/docs/latest/rest-api.html (sections named beside each call), and for the tracking server's
 * proxied artifact store (`mlflow server --serve-artifacts`, the default since MLflow 2.0): the mlflow-artifacts
 * service of mlflow/protos/mlflow_artifacts.proto, `PUT /api/2.0/mlflow-artifacts/artifacts/<path>`.
 *
 * Only what an export needs: experiments/get-by-name, experiments/create, runs/create, runs/log-batch, runs/update
 * and an artifact upload. Every failure is an MlflowError whose message is one line that names the call and
 * MLflow's own `error_code` and `message` (the documented error body), never a credential.
 */

/** The documented request entities (REST API → Data Structures: Metric, Param, RunTag). */
export interface Metric {
  key: string;
  value: number;
  /** Milliseconds since the Unix epoch. */
  timestamp: number;
  step: number;
}
export interface KeyValue {
  key: string;
  value: string;
}

/** REST API → Data Structures → RunStatus. */
export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';

/** The parts of RunInfo (REST API → Data Structures → RunInfo) an export reads. */
export interface RunInfo {
  run_id: string;
  experiment_id: string;
  artifact_uri?: string;
}

export interface Credentials {
  /** MLFLOW_TRACKING_TOKEN: sent as `Authorization: Bearer …`. */
  token?: string;
  /** MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD: sent as HTTP Basic. */
  username?: string;
  password?: string;
}

export class MlflowError extends Error {
  constructor(
    message: string,
    /** MLflow's `error_code` (e.g. RESOURCE_DOES_NOT_EXIST), or undefined when the answer had none. */
    readonly errorCode?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MlflowError';
  }
}

export interface ClientOptions {
  /** Milliseconds each request may take (default 15 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class MlflowClient {
  /** The tracking URI without credentials and without a trailing slash (safe to print). */
  readonly base: string;
  private readonly authorization: string | undefined;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(trackingUri: string, credentials: Credentials = {}, options: ClientOptions = {}) {
    let url: URL;
    try {
      url = new URL(trackingUri);
    } catch {
      throw new MlflowError(`tracking URI is not a URL: ${redact(trackingUri)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new MlflowError(
        `tracking URI ${redact(trackingUri)}: only an http(s) tracking server can be exported to`,
      );
    }
    // Credentials in the URI (https://user:pass@host) become Basic auth: fetch refuses URLs that carry them.
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    url.username = '';
    url.password = '';
    this.base = url.toString().replace(/\/+$/, '');
    const username = credentials.username ?? (user || undefined);
    const password = credentials.password ?? (pass || undefined);
    if (credentials.token) this.authorization = `Bearer ${credentials.token}`;
    else if (username !== undefined) {
      this.authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
    }
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetch = options.fetch ?? fetch;
  }

  /** Experiments → Get Experiment By Name; undefined when MLflow answers RESOURCE_DOES_NOT_EXIST. */
  async experimentIdByName(name: string): Promise<string | undefined> {
    try {
      const r = await this.call<{ experiment?: { experiment_id?: string } }>(
        'GET',
        `mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
      );
      const id = r.experiment?.experiment_id;
      if (!id) throw new MlflowError('experiments/get-by-name: the answer has no experiment.experiment_id');
      return id;
    } catch (err) {
      if (err instanceof MlflowError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST') return undefined;
      throw err;
    }
  }

  /** Experiments → Create Experiment: the new experiment's id. */
  async createExperiment(name: string): Promise<string> {
    const r = await this.call<{ experiment_id?: string }>('POST', 'mlflow/experiments/create', { name });
    if (!r.experiment_id) throw new MlflowError('experiments/create: the answer has no experiment_id');
    return r.experiment_id;
  }

  /**
   * The experiment's id, created when missing. Two jobs may create it at once: the loser gets
   * RESOURCE_ALREADY_EXISTS and reads the winner's.
   */
  async ensureExperiment(name: string): Promise<{ id: string; created: boolean }> {
    const existing = await this.experimentIdByName(name);
    if (existing !== undefined) return { id: existing, created: false };
    try {
      return { id: await this.createExperiment(name), created: true };
    } catch (err) {
      if (!(err instanceof MlflowError) || err.errorCode !== 'RESOURCE_ALREADY_EXISTS') throw err;
      const id = await this.experimentIdByName(name);
      if (id === undefined) throw err;
      return { id, created: false };
    }
  }

  /** Runs → Create Run. */
  async createRun(request: {
    experiment_id: string;
    run_name?: string;
    start_time: number;
    tags: KeyValue[];
  }): Promise<RunInfo> {
    const r = await this.call<{ run?: { info?: RunInfo } }>('POST', 'mlflow/runs/create', request);
    const info = r.run?.info;
    if (!info?.run_id) throw new MlflowError('runs/create: the answer has no run.info.run_id');
    return info;
  }

  /** Runs → Log Batch (one request; batches.ts keeps each within the documented limits). */
  async logBatch(request: {
    run_id: string;
    metrics: Metric[];
    params: KeyValue[];
    tags: KeyValue[];
  }): Promise<void> {
    await this.call('POST', 'mlflow/runs/log-batch', request);
  }

  /** Runs → Update Run: the final status and end time. */
  async updateRun(request: { run_id: string; status: RunStatus; end_time: number }): Promise<void> {
    await this.call('POST', 'mlflow/runs/update', request);
  }

  /**
   * Uploads one file to a run's artifacts through the tracking server (mlflow_artifacts.proto, UploadArtifact:
   * `PUT /api/2.0/mlflow-artifacts/artifacts/<path>`, the body is the file). Only a run whose artifact_uri is
   * `mlflow-artifacts:` (the server proxies the store) can be written this way; any other store (s3://, a
   * local path) needs that store's own client, and the error says so.
   */
  async uploadArtifact(run: RunInfo, name: string, body: string, contentType: string): Promise<void> {
    const root = proxiedArtifactPath(run.artifact_uri);
    if (root === undefined) {
      throw new MlflowError(
        `the run's artifact store ${run.artifact_uri ?? '(none)'} is not served by the tracking server (start it with --serve-artifacts); ${name} not uploaded`,
      );
    }
    const path = [...root.split('/'), ...name.split('/')]
      .filter((p) => p !== '')
      .map(encodeURIComponent)
      .join('/');
    await this.call('PUT', `mlflow-artifacts/artifacts/${path}`, body, contentType);
  }

  /** One request to `<base>/api/2.0/<path>`; the JSON answer, or an MlflowError with one line. */
  private async call<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    const endpoint = path.split('?')[0]!.replace(/^mlflow\//, '');
    const headers: Record<string, string> = {};
    if (this.authorization) headers.authorization = this.authorization;
    if (body !== undefined) headers['content-type'] = contentType;
    let res: Response;
    try {
      res = await this.fetch(`${this.base}/api/2.0/${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new MlflowError(`cannot reach the tracking server ${this.base} (${networkReason(err)})`);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) {
      const e = errorBody(text);
      const what = e ? `${e.error_code}: ${oneLine(e.message)}` : oneLine(text).slice(0, 200) || 'no body';
      throw new MlflowError(`${endpoint}: HTTP ${res.status}, ${what}`, e?.error_code, res.status);
    }
    if (text.trim() === '') return {} as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new MlflowError(`${endpoint}: the answer is not JSON: ${oneLine(text).slice(0, 120)}`);
    }
  }
}

/** The path under the proxied artifact root of `mlflow-artifacts:/0/<run>/artifacts` (or `mlflow-artifacts://host/…`). */
export function proxiedArtifactPath(artifactUri: string | undefined): string | undefined {
  if (!artifactUri?.startsWith('mlflow-artifacts:')) return undefined;
  const rest = artifactUri.slice('mlflow-artifacts:'.length);
  // mlflow-artifacts://host:port/path names the server; the path is what counts.
  const path = rest.startsWith('//') ? rest.slice(2).replace(/^[^/]*/, '') : rest;
  return path.replace(/^\/+/, '');
}

/** MLflow's documented error body: `{"error_code": "...", "message": "..."}`. */
function errorBody(text: string): { error_code: string; message: string } | undefined {
  try {
    const j = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    if (typeof j.error_code === 'string')
      return { error_code: j.error_code, message: typeof j.message === 'string' ? j.message : '' };
  } catch {
    // not JSON: a proxy's HTML page, say
  }
  return undefined;
}

function networkReason(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A URI with its user-info removed, for messages. */
export function redact(uri: string): string {
  return uri.replace(/\/\/[^/@]*@/, '//');
}
