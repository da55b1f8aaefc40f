/**
 * Traces of CLI runs (tracing.ts): with an OTLP endpoint each command is one span `ai-ci <command>` under TRACEPARENT,
 * with its verdict as attributes, sent to a real OTLP/HTTP collector on 127.0.0.1; without one nothing is sent; a
 * collector that is down or stuck changes neither the exit code nor lets the process hang.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_VARIABLES } from '../../../src/runner-image/cli/tracing.js';
import { jobSpanId, jobTraceId, tracingConfigFromEnv } from '../../../src/telemetry/index.js';
import { PYPROJ } from '../../analysis/select/helpers.js';
import { runCliCaptured } from '../../support/cli.js';
import { attributesOf, type Collector, collector, resourceOf, spansOf } from '../../support/otlp.js';

const PEERS = join(import.meta.dirname, '../../fixtures/perf/peers/google-benchmark');
const MAIN = resolve(import.meta.dirname, '../../../src/runner-image/cli/main.ts');
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_ID}-01`;
const STATUS_ERROR = 2;

/** Every variable that could reach tracing or the commands from the environment the tests run in, unset. */
const CLEAN: Record<string, string | undefined> = Object.fromEntries(
  [
    ...ENDPOINT_VARIABLES,
    'OTEL_SDK_DISABLED',
    'OTEL_TRACES_EXPORTER',
    'OTEL_SERVICE_NAME',
    'OTEL_EXPORTER_OTLP_PROTOCOL',
    'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
    'OTEL_BSP_MAX_QUEUE_SIZE',
    'TRACEPARENT',
    'TRACESTATE',
    'AI_CI_JOB_ID',
    'AI_CI_MODE',
    'GITHUB_ACTIONS',
    'GITHUB_STEP_SUMMARY',
    'GITHUB_OUTPUT',
    'GITHUB_REF_NAME',
  ].map((k) => [k, undefined]),
);

const REGRESSION = [
  'perf',
  'analyze',
  join(PEERS, 'test1_run2.json'),
  '--baseline',
  join(PEERS, 'test1_run1.json'),
  '--no-model',
];
/** `carbon track` without RAPL or GPUs: energy from CPU time × the power table, at a fixed intensity. */
const TRACK = ['carbon', 'track', '--powercap-root', '/nonexistent', '--no-gpu', '--intensity', '300'];

let dir: string;
let c: Collector;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ai-ci-tracing-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await c?.close();
});

const traced = (argv: string[], env: Record<string, string | undefined> = {}) =>
  runCliCaptured(argv, { ...CLEAN, OPENTELEMETRY_ENDPOINT: c.url, ...env });

/** The one span a run sent, with its attributes. */
function onlySpan() {
  const spans = spansOf(c.bodies);
  expect(spans).toHaveLength(1);
  return { span: spans[0]!, a: attributesOf(spans[0]!) };
}

describe('a span per command', () => {
  it('perf analyze: a child of TRACEPARENT, with the verdict, regressions and worst change; a verdict is no error', async () => {
    c = await collector();
    const r = await traced(REGRESSION, { TRACEPARENT });
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/tracing/);
    const { span, a } = onlySpan();
    expect(span).toMatchObject({ name: 'ai-ci perf analyze', traceId: TRACE_ID, parentSpanId: PARENT_ID });
    expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(span.status?.code ?? 0).not.toBe(STATUS_ERROR);
    expect(a).toMatchObject({
      'ai_ci.command': 'perf analyze',
      'ai_ci.mode': 'enforce',
      'ai_ci.exit_code': 1,
      'ai_ci.verdict': 'fail',
      'ai_ci.perf.verdict': 'regression',
      'ai_ci.perf.model_used': false,
    });
    expect(a['ai_ci.perf.regressions']).toBeGreaterThanOrEqual(1);
    expect(a['ai_ci.perf.regressed_benchmarks']).toContain('BM_2xSlower');
    expect(a['ai_ci.perf.benchmarks']).toBeGreaterThan(a['ai_ci.perf.regressions'] as number);
    // BM_2xSlower takes twice as long: the worst change is about +100 %.
    expect(a['ai_ci.perf.worst_change']).toBeGreaterThan(0.5);
    expect(a).not.toHaveProperty('ai_ci.report.would_fail');
    expect(resourceOf(c.bodies)).toMatchObject({ 'service.name': 'ai-ci' });
  });

  it('report mode: exit 0, and the span says enforce mode would have failed with exit 1', async () => {
    c = await collector();
    const r = await traced([...REGRESSION, '--mode', 'report']);
    expect(r.code).toBe(0);
    const { span, a } = onlySpan();
    expect(span.parentSpanId ?? '').toBe('');
    expect(a).toMatchObject({
      'ai_ci.mode': 'report',
      'ai_ci.exit_code': 0,
      'ai_ci.verdict': 'fail',
      'ai_ci.report.would_fail': true,
      'ai_ci.report.enforce_exit_code': 1,
      'ai_ci.report.enforce_reason': 'a confident performance regression',
    });
    expect(span.status?.code ?? 0).not.toBe(STATUS_ERROR);
  });

  it('a command that fails to work ends its span with status ERROR and the message (here a usage error, exit 2)', async () => {
    c = await collector();
    const r = await traced(['perf', 'analyze', join(PEERS, 'test1_run2.json')]);
    expect(r.code).toBe(2);
    const { span, a } = onlySpan();
    expect(span.status).toMatchObject({ code: STATUS_ERROR });
    expect(span.status?.message).toMatch(/^nothing to compare with/);
    expect(a).toMatchObject({ 'ai_ci.exit_code': 2, 'error.type': '2' });
  });

  it('review: findings per severity, under the job running span AI_CI_JOB_ID names', async () => {
    c = await collector();
    const file = join(dir, 'train.py');
    writeFileSync(
      file,
      [
        'import pandas as pd',
        'from sklearn.model_selection import train_test_split',
        'from sklearn.preprocessing import StandardScaler',
        'df = pd.read_csv("d.csv")',
        'X = StandardScaler().fit_transform(df.drop(columns=["y"]))',
        'X_tr, X_te, y_tr, y_te = train_test_split(X, df["y"], random_state=0)',
        'from sklearn.linear_model import LogisticRegression',
        'print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))',
        '',
      ].join('\n'),
    );
    const r = await traced(['review', file, '--fail-on', 'warning'], { AI_CI_JOB_ID: '4242' });
    expect(r.code).toBe(1);
    const { span, a } = onlySpan();
    expect(span).toMatchObject({
      name: 'ai-ci review',
      traceId: jobTraceId(4242),
      parentSpanId: jobSpanId(4242, 'running'),
    });
    const perSeverity = ['error', 'warning', 'note'].map((s) => a[`ai_ci.review.findings.${s}`] as number);
    expect(perSeverity[1]).toBeGreaterThanOrEqual(1);
    expect(perSeverity.reduce((x, y) => x + y, 0)).toBe(a['ai_ci.review.findings']);
    expect(a).toMatchObject({
      'ai_ci.verdict': 'fail',
      'ai_ci.review.fail_on': 'warning',
      'ai_ci.review.files': 1,
    });
  });

  it('select: tests selected of all, and the fraction', async () => {
    c = await collector();
    const repo = join(dir, 'repo');
    cpSync(PYPROJ, repo, { recursive: true });
    const git = (...a: string[]) =>
      new Promise<void>((done, fail) =>
        spawn('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...a], {
          stdio: 'ignore',
        }).on('close', (code) => (code === 0 ? done() : fail(new Error(`git ${a.join(' ')}: ${code}`)))),
      );
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-qm', 'base');
    await git('checkout', '-qb', 'feature');
    writeFileSync(join(repo, 'pkg/util.py'), 'def clamp(x, lo, hi):\n    return max(lo, min(hi + 1, x))\n');
    await git('commit', '-qam', 'change');
    const argv = [
      'select',
      '--repo',
      repo,
      '--base-ref',
      'main',
      '--framework',
      'pytest',
      '--sample-rate',
      '0',
    ];
    const r = await traced(argv);
    expect(r.out).toBe('tests/test_core.py tests/test_util.py\n');
    const { span, a } = onlySpan();
    expect(span.name).toBe('ai-ci select');
    expect(a).toMatchObject({
      'ai_ci.select.selected': 2,
      'ai_ci.select.tests': 4,
      'ai_ci.select.fraction': 0.5,
      'ai_ci.select.full': false,
      'ai_ci.select.shadow': false,
      'ai_ci.exit_code': 0,
    });
  });

  it("carbon track: grams and Wh; the wrapped command runs under the span's TRACEPARENT", async () => {
    c = await collector();
    const seen = join(dir, 'traceparent');
    const r = await traced([
      ...TRACK,
      '--budget',
      '1000',
      '--',
      process.execPath,
      '-e',
      `require('node:fs').writeFileSync(${JSON.stringify(seen)}, process.env.TRACEPARENT ?? '')`,
    ]);
    expect(r.code).toBe(0);
    const { span, a } = onlySpan();
    expect(span.name).toBe('ai-ci carbon track');
    expect(readFileSync(seen, 'utf8')).toBe(`00-${span.traceId}-${span.spanId}-01`);
    expect(process.env.TRACEPARENT).toBeUndefined();
    expect(a['ai_ci.carbon.grams']).toBeGreaterThan(0);
    expect(a['ai_ci.carbon.energy_wh']).toBeGreaterThan(0);
    expect(a).toMatchObject({
      'ai_ci.carbon.intensity': 300,
      'ai_ci.carbon.command': 'node',
      'ai_ci.carbon.command_exit_code': 0,
      'ai_ci.carbon.budget_grams': 1000,
      'ai_ci.carbon.budget_state': 'within',
      'ai_ci.verdict': 'pass',
    });
  });

  it("carbon track: the wrapped command's failure is an ERROR span with its exit code", async () => {
    c = await collector();
    const r = await traced([...TRACK, '--', 'sh', '-c', 'exit 5']);
    expect(r.code).toBe(5);
    const { span, a } = onlySpan();
    expect(span.status).toMatchObject({ code: STATUS_ERROR, message: 'exit code 5' });
    expect(a).toMatchObject({ 'ai_ci.exit_code': 5, 'ai_ci.carbon.command_exit_code': 5 });
  });
});

describe('tracing off, or the collector away', () => {
  it('sends nothing without an endpoint, and nothing for --help', async () => {
    c = await collector();
    const off = await runCliCaptured(REGRESSION, { ...CLEAN, TRACEPARENT });
    expect(off.code).toBe(1);
    const help = await traced(['perf', 'analyze', '--help']);
    expect(help.code).toBe(0);
    const disabled = await traced(REGRESSION, { OTEL_SDK_DISABLED: 'true' });
    expect(disabled.code).toBe(1);
    expect(c.requests).toBe(0);
  });

  it('ENDPOINT_VARIABLES are exactly the variables that turn tracing on', () => {
    for (const v of ENDPOINT_VARIABLES)
      expect(tracingConfigFromEnv({ [v]: 'http://127.0.0.1:4318' }, { serviceName: 'x' })).toBeDefined();
    const everythingElse = {
      OTEL_SERVICE_NAME: 'x',
      OTEL_BSP_MAX_QUEUE_SIZE: '8',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: 'a=b',
      TRACEPARENT,
    };
    expect(tracingConfigFromEnv(everythingElse, { serviceName: 'x' })).toBeUndefined();
  });

  it('a bad OTEL_ setting: one warning, the command runs untraced with its own exit code', async () => {
    c = await collector();
    const r = await traced(REGRESSION, { OTEL_BSP_MAX_QUEUE_SIZE: 'lots' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^ai-ci: warning: tracing: off: OTEL_BSP_MAX_QUEUE_SIZE="lots"/m);
    expect(c.requests).toBe(0);
  });

  it('a collector that is down: the exit code is the command’s, with one warning line', async () => {
    c = await collector();
    const url = c.url;
    await c.close();
    const r = await runCliCaptured(REGRESSION, { ...CLEAN, OTEL_EXPORTER_OTLP_ENDPOINT: url });
    expect(r.code).toBe(1);
    const warnings = r.err.split('\n').filter((l) => l.includes('tracing'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^ai-ci: warning: tracing: the span was not sent to http:\/\/127\.0\.0\.1:\d+\/v1\/traces \(.+\); the step goes on$/,
      ),
    ]);
  });

  it('a collector that takes the request and never answers: the process still ends by itself, with its exit code', async () => {
    c = await collector({ hang: true });
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...REGRESSION], {
      env: { ...without(process.env, Object.keys(CLEAN)), OPENTELEMETRY_ENDPOINT: c.url, TRACEPARENT },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    // Far beyond the bounded wait: only a hang reaches it.
    const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((r) =>
      child.on('close', (cd, sg) => r([cd, sg])),
    );
    clearTimeout(killer);
    expect(signal).toBeNull();
    expect(code).toBe(1);
    expect(c.requests).toBeGreaterThanOrEqual(1);
    expect(err.split('\n').filter((l) => l.includes('tracing'))).toEqual([
      expect.stringMatching(/^ai-ci: warning: tracing: the span was not sent to .* \(no answer within 2 s\)/),
    ]);
  }, 60_000);
});

function without(env: NodeJS.ProcessEnv, keys: readonly string[]): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const k of keys) delete out[k];
  return out;
}
