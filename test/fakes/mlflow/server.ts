/**
 * A fake MLflow tracking server on 127.0.0.1 (random port), answering the calls of src/export/mlflow/ as MLflow's
 * REST API documentation specifies them — https://mlflow.org/docs/latest/rest-api.html (section named beside
 * each handler) — and the tracking server's proxied artifact upload (mlflow/protos/mlflow_artifacts.proto,
 * `rpc uploadArtifact`: `PUT /mlflow-artifacts/artifacts/<path:artifact_path>` under /api/2.0, body = the file,
 * answer `{}`). It keeps experiments, runs, metrics, params, tags and artifacts in memory, validates what the
 * documentation says a request must hold (and refuses it the way MLflow does: an HTTP error with the documented
 * error body `{"error_code": "...", "message": "..."}`), and records every request for assertions.
 * Size: one handler per documented endpoint with its citation, kept in one file so the protocol reads in one place.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MlflowRequest {
  method: string;
  /** The path without the query, e.g. `/api/2.0/mlflow/runs/log-batch`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The body: parsed JSON for the JSON API, the raw text for an artifact upload. */
  body: unknown;
}

interface KV {
  key: string;
  value: string;
}
interface MetricEntity {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}
export interface FakeRun {
  info: {
    run_id: string;
    run_uuid: string;
    experiment_id: string;
    run_name: string;
    user_id: string;
    status: string;
    start_time: number;
    end_time?: number;
    artifact_uri: string;
    lifecycle_stage: 'active';
  };
  metrics: MetricEntity[];
  params: KV[];
  tags: KV[];
}

export interface FakeMlflow {
  url: string;
  requests: MlflowRequest[];
  experiments: Map<string, { experiment_id: string; name: string }>;
  runs: Map<string, FakeRun>;
  /** Uploaded artifacts by their path under the artifact root (`<experiment>/<run>/artifacts/<file>`). */
  artifacts: Map<string, { body: string; contentType: string | undefined }>;
  /** The next request to `endpoint` (e.g. `runs/create`) is answered with this status and MLflow error body. */
  failNext(endpoint: string, status: number, errorCode: string, message: string): void;
  /** Runs get this artifact_uri (`{exp}`/`{run}` replaced); default the proxied `mlflow-artifacts:/{exp}/{run}/artifacts`. */
  artifactUri: string;
  close(): Promise<void>;
}

/** The documented error body (REST API → "Error codes" / every endpoint's "Throws"). */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}
const invalid = (message: string) => new ApiError(400, 'INVALID_PARAMETER_VALUE', message);

/** The limits of Log Batch ("Request Limits") and of param/tag values (mlflow/utils/validation.py). */
const MAX = {
  metrics: 1000,
  params: 100,
  tags: 100,
  total: 1000,
  paramValue: 6000,
  tagValue: 8000,
  key: 250,
};
const VALID_KEY = /^[/\w.\- :]*$/;

export interface FakeOptions {
  /** When set, every request must carry this Authorization header, else 401 (as `mlflow server --app-name basic-auth`). */
  authorization?: string;
}

export async function startFakeMlflow(options: FakeOptions = {}): Promise<FakeMlflow> {
  const requests: MlflowRequest[] = [];
  const experiments = new Map<string, { experiment_id: string; name: string }>();
  const runs = new Map<string, FakeRun>();
  const artifacts = new Map<string, { body: string; contentType: string | undefined }>();
  const faults: { endpoint: string; status: number; errorCode: string; message: string }[] = [];
  let nextExperiment = 1;
  let nextRun = 1;

  const runOf = (body: Record<string, unknown>): FakeRun => {
    const id = body.run_id ?? body.run_uuid;
    if (typeof id !== 'string') throw invalid("Missing value for required parameter 'run_id'.");
    const run = runs.get(id);
    if (!run) throw new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', `Run with id=${id} not found`);
    return run;
  };
  const checkKey = (key: unknown, what: string) => {
    if (typeof key !== 'string' || key.length > MAX.key || !VALID_KEY.test(key) || key.includes('..'))
      throw invalid(`Invalid ${what} name: '${String(key)}'.`);
  };

  const handlers: Record<string, (body: Record<string, unknown>, query: URLSearchParams) => unknown> = {
    // Get Experiment By Name: GET, experiment_name (STRING, required) → { experiment: Experiment }.
    // Throws RESOURCE_DOES_NOT_EXIST if no such experiment exists.
    'GET experiments/get-by-name': (_b, query) => {
      const name = query.get('experiment_name');
      if (!name) throw invalid("Missing value for required parameter 'experiment_name'.");
      const e = experiments.get(name);
      if (!e)
        throw new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', `Could not find experiment with name '${name}'`);
      return {
        experiment: {
          ...e,
          artifact_location: `mlflow-artifacts:/${e.experiment_id}`,
          lifecycle_stage: 'active',
        },
      };
    },
    // Create Experiment: POST, name (STRING, required) → { experiment_id: STRING }.
    // Throws RESOURCE_ALREADY_EXISTS if an experiment with the given name exists.
    'POST experiments/create': (body) => {
      const name = body.name;
      if (typeof name !== 'string' || name === '')
        throw invalid("Missing value for required parameter 'name'.");
      if (experiments.has(name))
        throw new ApiError(400, 'RESOURCE_ALREADY_EXISTS', `Experiment '${name}' already exists.`);
      const experiment_id = String(nextExperiment++);
      experiments.set(name, { experiment_id, name });
      return { experiment_id };
    },
    // Create Run: POST, experiment_id (STRING), user_id, run_name, start_time (INT64, ms), tags (RunTag[])
    // → { run: Run } with run.info a RunInfo (status RUNNING).
    'POST runs/create': (body) => {
      const eid = body.experiment_id;
      if (typeof eid !== 'string') throw invalid("Missing value for required parameter 'experiment_id'.");
      if (![...experiments.values()].some((e) => e.experiment_id === eid))
        throw new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${eid} exists`);
      if (body.start_time !== undefined && !Number.isInteger(body.start_time))
        throw invalid(
          `Invalid value ${JSON.stringify(body.start_time)} for parameter 'start_time' supplied.`,
        );
      const tags = (body.tags ?? []) as KV[];
      for (const t of tags) checkKey(t.key, 'tag');
      const run_id = `run${String(nextRun++).padStart(29, '0')}`;
      const run: FakeRun = {
        info: {
          run_id,
          run_uuid: run_id,
          experiment_id: eid,
          run_name: String(body.run_name ?? tags.find((t) => t.key === 'mlflow.runName')?.value ?? ''),
          user_id: String(body.user_id ?? ''),
          status: 'RUNNING',
          start_time: Number(body.start_time ?? Date.now()),
          artifact_uri: fake.artifactUri.replace('{exp}', eid).replace('{run}', run_id),
          lifecycle_stage: 'active',
        },
        metrics: [],
        params: [],
        tags: [...tags],
      };
      runs.set(run_id, run);
      return { run: { info: run.info, data: { tags: run.tags } } };
    },
    // Log Batch: POST, run_id, metrics (Metric[]: key, value DOUBLE, timestamp INT64 required, step INT64),
    // params (Param[]), tags (RunTag[]) → {}. Request Limits: ≤ 1000 metrics, ≤ 100 params, ≤ 100 tags,
    // ≤ 1000 in total; a param may not be changed once logged.
    'POST runs/log-batch': (body) => {
      const run = runOf(body);
      const metrics = (body.metrics ?? []) as MetricEntity[];
      const params = (body.params ?? []) as KV[];
      const tags = (body.tags ?? []) as KV[];
      const over = (n: number, max: number, what: string) => {
        if (n > max)
          throw invalid(
            `A batch logging request can contain at most ${max} ${what}. Got ${n} ${what}. Please split up ${what} across multiple requests and try again.`,
          );
      };
      over(metrics.length, MAX.metrics, 'metrics');
      over(params.length, MAX.params, 'params');
      over(tags.length, MAX.tags, 'tags');
      const total = metrics.length + params.length + tags.length;
      if (total > MAX.total)
        throw invalid(
          `A batch logging request can contain at most ${MAX.total} metrics, params, and tags in total. Got ${total}.`,
        );
      for (const m of metrics) {
        checkKey(m.key, 'metric');
        if (typeof m.value !== 'number') throw invalid(`Got invalid value ${m.value} for metric '${m.key}'`);
        if (!Number.isInteger(m.timestamp))
          throw invalid(`Got invalid timestamp ${m.timestamp} for metric '${m.key}'`);
        if (m.step !== undefined && !Number.isInteger(m.step))
          throw invalid(`Got invalid step ${m.step} for metric '${m.key}'`);
      }
      for (const p of params) {
        checkKey(p.key, 'parameter');
        if (typeof p.value !== 'string' || p.value.length > MAX.paramValue)
          throw invalid(
            `Param value '${String(p.value).slice(0, 20)}...' had length ${String(p.value).length}, which exceeded length limit of ${MAX.paramValue}`,
          );
        const old = run.params.find((x) => x.key === p.key);
        if (old && old.value !== p.value)
          throw invalid(
            `Changing param values is not allowed. Param with key='${p.key}' was already logged with value='${old.value}'`,
          );
      }
      for (const t of tags) {
        checkKey(t.key, 'tag');
        if (typeof t.value !== 'string' || t.value.length > MAX.tagValue)
          throw invalid(`Tag value for '${t.key}' too long`);
      }
      run.metrics.push(...metrics.map((m) => ({ ...m, step: m.step ?? 0 })));
      for (const p of params) if (!run.params.some((x) => x.key === p.key)) run.params.push(p);
      for (const t of tags) {
        run.tags = run.tags.filter((x) => x.key !== t.key);
        run.tags.push(t);
      }
      return {};
    },
    // Update Run: POST, run_id, status (RunStatus), end_time (INT64), run_name → { run_info: RunInfo }.
    'POST runs/update': (body) => {
      const run = runOf(body);
      if (body.status !== undefined) {
        if (!['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'].includes(String(body.status)))
          throw invalid(`Invalid value ${JSON.stringify(body.status)} for parameter 'status' supplied.`);
        run.info.status = String(body.status);
      }
      if (body.end_time !== undefined) {
        if (!Number.isInteger(body.end_time))
          throw invalid("Invalid value for parameter 'end_time' supplied.");
        run.info.end_time = Number(body.end_time);
      }
      return { run_info: run.info };
    },
  };

  const send = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      const isArtifact = url.pathname.startsWith('/api/2.0/mlflow-artifacts/artifacts/');
      let body: unknown = raw;
      if (!isArtifact && raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      });
      try {
        if (options.authorization !== undefined && req.headers.authorization !== options.authorization) {
          res
            .writeHead(401, { 'www-authenticate': 'Basic realm="mlflow"' })
            .end(
              'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.',
            );
          return;
        }
        if (isArtifact) {
          const endpoint = 'mlflow-artifacts/artifacts';
          const fault = faults.findIndex((f) => f.endpoint === endpoint);
          if (fault >= 0) {
            const f = faults.splice(fault, 1)[0]!;
            throw new ApiError(f.status, f.errorCode, f.message);
          }
          if (req.method !== 'PUT')
            throw new ApiError(405, 'BAD_REQUEST', 'only uploads are served by this fake');
          const path = decodeURIComponent(url.pathname.slice('/api/2.0/mlflow-artifacts/artifacts/'.length));
          artifacts.set(path, { body: raw, contentType: req.headers['content-type'] });
          send(res, 200, {});
          return;
        }
        const endpoint = url.pathname.replace(/^\/api\/2\.0\/mlflow\//, '');
        const handler = handlers[`${req.method} ${endpoint}`];
        if (!url.pathname.startsWith('/api/2.0/mlflow/') || !handler)
          throw new ApiError(
            404,
            'ENDPOINT_NOT_FOUND',
            `No API endpoint found for ${req.method} ${url.pathname}`,
          );
        // "The MLflow REST API requires content type application/json for all POST requests."
        if (
          req.method === 'POST' &&
          !String(req.headers['content-type'] ?? '').startsWith('application/json')
        )
          throw invalid("Bad Request. Content-Type must be 'application/json'");
        const fault = faults.findIndex((f) => f.endpoint === endpoint);
        if (fault >= 0) {
          const f = faults.splice(fault, 1)[0]!;
          throw new ApiError(f.status, f.errorCode, f.message);
        }
        send(
          res,
          200,
          handler(
            (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>,
            url.searchParams,
          ),
        );
      } catch (err) {
        if (err instanceof ApiError)
          send(res, err.status, { error_code: err.errorCode, message: err.message });
        else send(res, 500, { error_code: 'INTERNAL_ERROR', message: String(err) });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeMlflow = {
    url: `http://127.0.0.1:${port}`,
    requests,
    experiments,
    runs,
    artifacts,
    artifactUri: 'mlflow-artifacts:/{exp}/{run}/artifacts',
    failNext(endpoint, status, errorCode, message) {
      faults.push({ endpoint, status, errorCode, message });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** A URL where nothing listens: a server is started on a free port and closed again. */
export async function deadUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
