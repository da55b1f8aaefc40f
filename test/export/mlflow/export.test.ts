/**
 * The MLflow export against a fake tracking server built from MLflow's REST API documentation
 * (test/fakes/mlflow/server.ts cites the section of each request and answer): the documented sequence of calls,
 * the experiment created when missing, log-batch split within the documented limits, the report uploaded through
 * the proxied artifact store, MLflow's error answers and a server that is down reported in one line.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/export/mlflow/batches.js';
import { MlflowClient, proxiedArtifactPath } from '../../../src/export/mlflow/client.js';
import { type ExportOptions, exportRun } from '../../../src/export/mlflow/export.js';
import type { RunRecord } from '../../../src/export/mlflow/records.js';
import { deadUrl, type FakeMlflow, startFakeMlflow } from '../../fakes/mlflow/server.js';

let fake: FakeMlflow;
let lines: string[];
beforeEach(async () => {
  fake = await startFakeMlflow();
  lines = [];
});
afterEach(() => fake.close());

const GITHUB = {
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/pull/42/merge',
  GITHUB_REF_NAME: '42/merge',
  GITHUB_HEAD_REF: 'feature/x',
  GITHUB_REPOSITORY: 'acme/models',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '987',
  GITHUB_ACTOR: 'octocat',
};

const record = (over: Partial<RunRecord> = {}): RunRecord => ({
  command: 'perf analyze',
  experiment: 'ai-ci-perf',
  metrics: [
    { key: 'failing', value: 1 },
    { key: 'change_pct/test_sort', value: 12.5 },
  ],
  params: [{ key: 'threshold', value: '0.95' }],
  tags: [{ key: 'ai-ci.verdict', value: 'regression' }],
  artifact: {
    name: 'perf-report.json',
    content: '{"verdict": "regression"}\n',
    contentType: 'application/json',
  },
  exitCode: 0,
  failed: false,
  ...over,
});

const run = (r: RunRecord, o: ExportOptions = {}) =>
  exportRun(r, {
    trackingUri: fake.url,
    env: { ...GITHUB },
    log: (l) => lines.push(l),
    startTime: 1_700_000_000_000,
    now: () => 1_700_000_005_000,
    ...o,
  });

const calls = () => fake.requests.map((r) => `${r.method} ${r.path}`);

describe('exportRun', () => {
  it('creates the missing experiment and a run with the GitHub context, logs, uploads the report and finishes it', async () => {
    const result = await run(record());
    expect(result).toMatchObject({ ok: true, experimentId: '1', batches: 1 });
    const runId = result.runId!;
    expect(calls()).toEqual([
      'GET /api/2.0/mlflow/experiments/get-by-name',
      'POST /api/2.0/mlflow/experiments/create',
      'POST /api/2.0/mlflow/runs/create',
      'POST /api/2.0/mlflow/runs/log-batch',
      `PUT /api/2.0/mlflow-artifacts/artifacts/1/${runId}/artifacts/perf-report.json`,
      'POST /api/2.0/mlflow/runs/update',
    ]);
    expect(fake.requests[0]!.query.get('experiment_name')).toBe('ai-ci-perf');
    expect(fake.requests[1]!.body).toEqual({ name: 'ai-ci-perf' });
    const stored = fake.runs.get(runId)!;
    expect(stored.info).toMatchObject({
      experiment_id: '1',
      run_name: 'perf analyze 0123456',
      status: 'FINISHED',
      start_time: 1_700_000_000_000,
      end_time: 1_700_000_005_000,
    });
    const tags = Object.fromEntries(stored.tags.map((t) => [t.key, t.value]));
    expect(tags).toMatchObject({
      'mlflow.runName': 'perf analyze 0123456',
      'mlflow.source.git.commit': GITHUB.GITHUB_SHA,
      'mlflow.source.git.branch': 'feature/x',
      'mlflow.source.git.repoURL': 'https://github.com/acme/models',
      'mlflow.source.name': 'https://github.com/acme/models/actions/runs/987',
      'mlflow.user': 'octocat',
      'github.ref': 'refs/pull/42/merge',
      'ai-ci.exit_code': '0',
      'ai-ci.verdict': 'regression',
    });
    expect(stored.metrics).toEqual([
      { key: 'failing', value: 1, timestamp: 1_700_000_005_000, step: 0 },
      { key: 'change_pct/test_sort', value: 12.5, timestamp: 1_700_000_005_000, step: 0 },
    ]);
    expect(stored.params).toEqual([{ key: 'threshold', value: '0.95' }]);
    expect(fake.artifacts.get(`1/${runId}/artifacts/perf-report.json`)).toEqual({
      body: '{"verdict": "regression"}\n',
      contentType: 'application/json',
    });
    expect(lines).toEqual([
      `ai-ci: MLflow: logged run ${runId} to experiment "ai-ci-perf": ${fake.url}/#/experiments/1/runs/${runId}`,
    ]);
  });

  it('uses an existing experiment, named by the flag before MLFLOW_EXPERIMENT_NAME, and ends a failed run FAILED', async () => {
    await new MlflowClient(fake.url).createExperiment('nightly');
    await new MlflowClient(fake.url).createExperiment('from-env');
    fake.requests.length = 0;
    const r1 = await run(record({ exitCode: 3, failed: true }), {
      experiment: 'nightly',
      env: { MLFLOW_EXPERIMENT_NAME: 'from-env' },
    });
    expect(calls()).not.toContain('POST /api/2.0/mlflow/experiments/create');
    expect(r1.experimentId).toBe('1');
    expect(fake.runs.get(r1.runId!)!.info.status).toBe('FAILED');
    expect(fake.runs.get(r1.runId!)!.info.run_name).toBe('perf analyze'); // no GITHUB_SHA: no commit in the name
    const r2 = await run(record(), { env: { MLFLOW_EXPERIMENT_NAME: 'from-env' } });
    expect(r2.experimentId).toBe('2');
  });

  it('splits log-batch within the documented limits and logs everything', async () => {
    const metrics = Array.from({ length: 2345 }, (_, i) => ({ key: `m/${i}`, value: i }));
    const params = Array.from({ length: 150 }, (_, i) => ({
      key: `p${i}`,
      value: 'x'.repeat(LIMITS.paramValue),
    }));
    const tags = Array.from({ length: 130 }, (_, i) => ({ key: `t${i}`, value: `v${i}` }));
    const result = await run(record({ metrics, params, tags }));
    expect(result.ok).toBe(true);
    const batches = fake.requests.filter((r) => r.path.endsWith('/runs/log-batch'));
    expect(batches.length).toBe(result.batches);
    for (const b of batches) {
      const body = b.body as { metrics: unknown[]; params: unknown[]; tags: unknown[] };
      expect(body.metrics.length).toBeLessThanOrEqual(1000);
      expect(body.params.length).toBeLessThanOrEqual(100);
      expect(body.tags.length).toBeLessThanOrEqual(100);
      expect(body.metrics.length + body.params.length + body.tags.length).toBeLessThanOrEqual(1000);
      expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(1_000_000);
    }
    // 150 params of 6000 characters are 900 kB: the byte limit, not only the counts, splits them.
    expect(batches.length).toBeGreaterThanOrEqual(4);
    const stored = fake.runs.get(result.runId!)!;
    expect(stored.metrics.map((m) => m.value)).toEqual(metrics.map((m) => m.value));
    expect(stored.params).toHaveLength(150);
    expect(stored.tags.filter((t) => /^t\d+$/.test(t.key))).toHaveLength(130);
  });

  it("reports MLflow's error answer in one line naming the call and error_code, and ends the run FAILED", async () => {
    fake.failNext(
      'runs/log-batch',
      400,
      'INVALID_PARAMETER_VALUE',
      "Invalid metric name: 'bad'.\nsecond line",
    );
    const result = await run(record());
    expect(result.ok).toBe(false);
    expect(lines).toEqual([
      "ai-ci: warning: MLflow export failed: runs/log-batch: HTTP 400, INVALID_PARAMETER_VALUE: Invalid metric name: 'bad'. second line; the step's exit code is unchanged",
    ]);
    expect(fake.runs.get(result.runId!)!.info.status).toBe('FAILED');
  });

  it('a server that is down is one warning line', async () => {
    const url = await deadUrl();
    const result = await run(record(), { trackingUri: url });
    expect(result.ok).toBe(false);
    expect(lines).toEqual([
      `ai-ci: warning: MLflow export failed: cannot reach the tracking server ${url} (ECONNREFUSED); the step's exit code is unchanged`,
    ]);
  });

  it('a connection lost mid-export is one line, with no further request to end the run', async () => {
    const cut: typeof fetch = (input, init) =>
      String(input).endsWith('/runs/log-batch')
        ? Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))
        : fetch(input, init);
    const result = await run(record(), { fetch: cut });
    expect(lines).toEqual([
      `ai-ci: warning: MLflow export failed: cannot reach the tracking server ${fake.url} (ECONNRESET); the step's exit code is unchanged`,
    ]);
    expect(calls().at(-1)).toBe('POST /api/2.0/mlflow/runs/create');
    expect(fake.runs.get(result.runId!)!.info.status).toBe('RUNNING');
  });

  it("an answer that is not MLflow's error JSON (a proxy's page) is named by its status and first characters", async () => {
    const proxy: typeof fetch = async () =>
      new Response('<html>\n<body>502 Bad Gateway</body>\n</html>', { status: 502 });
    await run(record(), { fetch: proxy });
    expect(lines).toEqual([
      "ai-ci: warning: MLflow export failed: experiments/get-by-name: HTTP 502, <html> <body>502 Bad Gateway</body> </html>; the step's exit code is unchanged",
    ]);
  });

  it('no tracking URI, or one that is no http(s) URL, is one warning line and no request', async () => {
    expect((await run(record(), { trackingUri: '' })).ok).toBe(false);
    expect((await run(record(), { trackingUri: 'file:///tmp/mlruns' })).ok).toBe(false);
    expect(lines).toEqual([
      "ai-ci: warning: MLflow export failed: no tracking server: set MLFLOW_TRACKING_URI or --mlflow-tracking-uri; the step's exit code is unchanged",
      "ai-ci: warning: MLflow export failed: tracking URI file:///tmp/mlruns: only an http(s) tracking server can be exported to; the step's exit code is unchanged",
    ]);
    expect(fake.requests).toEqual([]);
  });

  it('logs the run but warns when the artifact store is not proxied by the server', async () => {
    fake.artifactUri = 's3://bucket/{exp}/{run}/artifacts';
    const result = await run(record());
    expect(result.ok).toBe(false);
    expect(fake.runs.get(result.runId!)!.info.status).toBe('FINISHED');
    expect(fake.runs.get(result.runId!)!.metrics).toHaveLength(2);
    expect(fake.artifacts.size).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `is not served by the tracking server (start it with --serve-artifacts); perf-report.json not uploaded`,
    );
  });

  it('a second job creating the same experiment at once reads the existing one (RESOURCE_ALREADY_EXISTS)', async () => {
    // The other job's create lands between this job's get-by-name and create.
    const racing: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/experiments/create') && !fake.experiments.has('ai-ci-perf'))
        await fetch(input, init);
      return fetch(input, init);
    };
    const result = await run(record(), { fetch: racing });
    expect(result).toMatchObject({ ok: true, experimentId: '1' });
    expect(calls().slice(0, 5)).toEqual([
      'GET /api/2.0/mlflow/experiments/get-by-name',
      'POST /api/2.0/mlflow/experiments/create',
      'POST /api/2.0/mlflow/experiments/create',
      'GET /api/2.0/mlflow/experiments/get-by-name',
      'POST /api/2.0/mlflow/runs/create',
    ]);
  });
});

describe('authentication', () => {
  it('sends MLFLOW_TRACKING_TOKEN as Bearer, and never prints it', async () => {
    await fake.close();
    fake = await startFakeMlflow({ authorization: 'Bearer s3cr3t-token' });
    const ok = await run(record(), { env: { MLFLOW_TRACKING_TOKEN: 's3cr3t-token' } });
    expect(ok.ok).toBe(true);
    const denied = await run(record(), { env: { MLFLOW_TRACKING_TOKEN: 'wrong-token' } });
    expect(denied.ok).toBe(false);
    expect(lines[1]).toMatch(
      /^ai-ci: warning: MLflow export failed: experiments\/get-by-name: HTTP 401, You are not authenticated/,
    );
    expect(lines.join('\n')).not.toMatch(/s3cr3t|wrong-token/);
  });

  it('sends MLFLOW_TRACKING_USERNAME/PASSWORD, or user-info in the URI, as Basic; the URI is printed without it', async () => {
    await fake.close();
    const basic = `Basic ${Buffer.from('ci:p@ss').toString('base64')}`;
    fake = await startFakeMlflow({ authorization: basic });
    const env = { MLFLOW_TRACKING_USERNAME: 'ci', MLFLOW_TRACKING_PASSWORD: 'p@ss' };
    expect((await run(record(), { env })).ok).toBe(true);
    const withUserInfo = fake.url.replace('http://', 'http://ci:p%40ss@');
    expect((await run(record(), { trackingUri: withUserInfo, env: {} })).ok).toBe(true);
    expect(lines.join('\n')).not.toContain('p%40ss');
    expect(lines[1]).toContain(`${fake.url}/#/experiments/`);
  });
});

describe('proxiedArtifactPath', () => {
  it('takes the path of mlflow-artifacts URIs, with or without a host, and nothing else', () => {
    expect(proxiedArtifactPath('mlflow-artifacts:/3/abc/artifacts')).toBe('3/abc/artifacts');
    expect(proxiedArtifactPath('mlflow-artifacts://tracking:5000/3/abc/artifacts')).toBe('3/abc/artifacts');
    expect(proxiedArtifactPath('s3://bucket/3/abc/artifacts')).toBeUndefined();
    expect(proxiedArtifactPath(undefined)).toBeUndefined();
  });
});
