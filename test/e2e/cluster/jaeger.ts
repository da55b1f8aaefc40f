/**
 * A real Jaeger v2 for the tracing e2e tests, run as a local process: spans go in over OTLP/HTTP, are kept in
 * Jaeger's in-memory storage, and are read back through Jaeger's query API (api/v3). Built from the Go module
 * proxy by `npm run tools:build` (test/e2e/cluster/build.sh, module test/e2e/cluster/jaeger) into <repo>/bin.
 *
 *   const j = await startJaeger();
 *   if ('skip' in j) return ctx.skip(j.skip);        // bin/jaeger could not be built: the reason
 *   exporter url: j.otlpTracesUrl                    // http://127.0.0.1:PORT/v1/traces
 *   const spans = await waitForTrace(j.queryUrl, traceIdHex, { minSpans: 3 });
 *   await j.stop();
 *
 * Only 127.0.0.1 is listened on: the OTLP/HTTP receiver and the query HTTP API on free ports chosen here, the
 * query gRPC API (unused, cannot be turned off) on a port the kernel picks. The collector's own metrics (:8888)
 * and traces, the health check, zpages, pprof, expvar, remote sampling and every other receiver are off: see
 * `jaegerConfig`. Jaeger runs under `kubeharness supervise` (when built) in a process group of its own with a
 * pipe on stdin, like the control plane (harness.ts): closing the pipe, the test runner dying (even by SIGKILL)
 * or `stop()` ends it, and its temporary folder (config, log) goes with it.
 *
 * This file imports only node: modules.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts, isAlive, killGroup, trackGroup, untrackGroup } from './processes.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TEMP_PREFIX = 'ai-ci-jaeger-';

export interface JaegerOptions {
  /** Folder with the binaries; default `$AI_CI_BIN_DIR` or `<repo>/bin`. */
  binDir?: string;
  /** Give up starting after this long; default 60 s (it starts in well under a second when idle). */
  startTimeoutMs?: number;
  /** Progress messages; default: none. */
  log?: (message: string) => void;
}

export interface RunningJaeger {
  /** OTLP/HTTP base endpoint, `http://127.0.0.1:PORT` (what `OTEL_EXPORTER_OTLP_ENDPOINT` takes). */
  otlpHttpEndpoint: string;
  /** `${otlpHttpEndpoint}/v1/traces` (what `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` and the exporter's `url` take). */
  otlpTracesUrl: string;
  /** Query API base, `http://127.0.0.1:PORT` (api/v3 and the UI's /api). */
  queryUrl: string;
  /** Process group of Jaeger (and of its supervisor): every process in it is Jaeger's. */
  processGroup: number;
  /** Temporary folder with config.yaml and jaeger.log; removed by `stop()`. */
  dir: string;
  logFile: string;
  /** The last lines of Jaeger's log (for a failing test's message). */
  logTail(lines?: number): string;
  /** Stops Jaeger (SIGTERM, SIGKILL of its process group after 5 s) and removes `dir`. Safe to call twice. */
  stop(): Promise<void>;
}

/** What `startJaeger` gives when there is no binary: why, for `ctx.skip(reason)`. */
export interface JaegerSkip {
  skip: string;
}

/** A span as read back from Jaeger, flattened out of OTLP's resource → scope → span nesting. */
export interface TraceSpan {
  /** 32 lower-case hex digits. */
  traceId: string;
  /** 16 lower-case hex digits. */
  spanId: string;
  /** 16 lower-case hex digits; '' for a root span. */
  parentSpanId: string;
  name: string;
  kind: 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
  /** Nanoseconds since the epoch, as the decimal string OTLP JSON carries (`BigInt(...)` to compute). */
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Record<string, AttributeValue>;
  /** The resource's `service.name`. */
  service: string;
  /** All resource attributes (service.name, telemetry.sdk.*, …). */
  resource: Record<string, AttributeValue>;
  /** Instrumentation scope (the tracer's name). */
  scope: string;
  status: { code: 'unset' | 'ok' | 'error'; message: string };
  events: { name: string; timeUnixNano: string; attributes: Record<string, AttributeValue> }[];
  links: { traceId: string; spanId: string; attributes: Record<string, AttributeValue> }[];
}

/** OTLP attribute values, normalised: int64 → number, bytes/maps → JSON text. */
export type AttributeValue = string | number | boolean | AttributeValue[];

/** The Jaeger configuration (YAML) that `startJaeger` writes; see the file comment. */
export function jaegerConfig(ports: { otlpHttp: number; queryHttp: number }): string {
  const store = 'e2e_memory';
  return `# Jaeger v2 for the e2e tests (test/e2e/cluster/jaeger.ts): OTLP/HTTP in, in-memory storage, query API out.
service:
  extensions: [jaeger_storage, jaeger_query]   # no healthcheckv2, zpages, pprof, expvar, remote_sampling
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [jaeger_storage_exporter]       # no batch processor: a span is stored before OTLP answers 200
  telemetry:
    metrics:
      level: none                               # else a Prometheus endpoint on :8888
    traces:
      level: none
    logs:
      level: info

extensions:
  jaeger_storage:
    backends:
      ${store}:
        memory:
          max_traces: 100000
  jaeger_query:
    storage:
      traces: ${store}
    enable_tracing: false                       # else Jaeger traces its own queries to the default OTLP endpoint
    max_clock_skew_adjust: 0s
    http:
      endpoint: 127.0.0.1:${ports.queryHttp}
    grpc:
      endpoint: 127.0.0.1:0                     # always started; unused here, so any free loopback port

receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:${ports.otlpHttp}

exporters:
  jaeger_storage_exporter:
    trace_storage: ${store}
`;
}

/** Where `startJaeger` finds Jaeger, or why it cannot (the build's failure reason when there is one). */
export function jaegerBinary(binDir?: string): { path: string } | JaegerSkip {
  const dir = binDir ?? process.env.AI_CI_BIN_DIR ?? path.join(repoRoot, 'bin');
  const bin = path.join(dir, 'jaeger');
  if (existsSync(bin)) return { path: bin };
  const failed = path.join(dir, '.e2e-jaeger.failed');
  const skip = existsSync(failed)
    ? `${bin} could not be built: ${readFileSync(failed, 'utf8').split('\n').slice(1).join('\n').trim()}`
    : `${bin} is missing: build it with \`npm run tools:build\` (test/e2e/cluster/build.sh)`;
  // A developer's machine may lack it (the tests say why they skip); CI runs the tracing tests or fails.
  if (process.env.CI === 'true') throw new Error(`${skip} (CI=true: the tracing e2e tests may not skip)`);
  return { skip };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Removes the folders of earlier runs whose owner process is gone (when Jaeger ran without kubeharness). */
async function removeStaleDirs(): Promise<void> {
  const tmp = os.tmpdir();
  for (const entry of await readdir(tmp).catch(() => [] as string[])) {
    if (!entry.startsWith(TEMP_PREFIX)) continue;
    const dir = path.join(tmp, entry);
    const owner = Number(await readFile(path.join(dir, 'owner.pid'), 'utf8').catch(() => 'NaN'));
    if (Number.isInteger(owner) && isAlive(owner)) continue;
    const info = await stat(dir).catch(() => undefined);
    if (!Number.isInteger(owner) && info && Date.now() - info.mtimeMs < 60_000) continue; // being created
    await rm(dir, { recursive: true, force: true });
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** GET/POST with a short timeout; resolves with the status (0 when nothing answers) and the body. */
async function request(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  timeoutMs = 5000,
): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

/**
 * Starts Jaeger; resolves with `{ skip }` when bin/jaeger is absent (the reason from the build when it failed),
 * rejects when it is there but does not come up. Ready means: an empty OTLP/HTTP export is answered 200 and the
 * query API lists services.
 */
export async function startJaeger(options: JaegerOptions = {}): Promise<RunningJaeger | JaegerSkip> {
  const binary = jaegerBinary(options.binDir);
  if ('skip' in binary) return binary;
  const binDir = path.dirname(binary.path);
  const log = options.log ?? (() => {});
  const supervisor = path.join(binDir, 'kubeharness');
  const supervised = existsSync(supervisor);
  await removeStaleDirs();

  // A free port may be taken between choosing it and Jaeger binding it: start again on new ports then.
  for (let attempt = 1; ; attempt++) {
    const dir = await mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
    await writeFile(path.join(dir, 'owner.pid'), String(process.pid));
    const [otlpPort, queryPort] = (await freePorts(2)) as [number, number];
    const configFile = path.join(dir, 'config.yaml');
    await writeFile(configFile, jaegerConfig({ otlpHttp: otlpPort, queryHttp: queryPort }));
    const logFile = path.join(dir, 'jaeger.log');
    const fd = openSync(logFile, 'a');
    // Without OTEL_* from the test's environment (tests set them for the code under test, not for Jaeger).
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')));
    const jaegerArgs = [binary.path, `--config=${configFile}`];
    const child: ChildProcess = supervised
      ? spawn(supervisor, ['supervise', '--grace=5s', `--remove-on-exit=${dir}`, '--', ...jaegerArgs], {
          detached: true,
          stdio: ['pipe', fd, fd],
          env,
        })
      : spawn(jaegerArgs[0] as string, jaegerArgs.slice(1), { detached: true, stdio: ['pipe', fd, fd], env });
    closeSync(fd);
    const pgid = child.pid;
    if (pgid) trackGroup(pgid);
    let done = false;
    const exited = new Promise<void>((resolve) => {
      child.on('exit', () => {
        done = true;
        if (pgid) untrackGroup(pgid);
        resolve();
      });
      child.on('error', () => {
        done = true;
        resolve();
      });
    });
    child.unref();
    (child.stdin as unknown as net.Socket | null)?.unref();

    let stopped: Promise<void> | undefined;
    const stop = () => {
      stopped ??= (async () => {
        if (!done) {
          if (supervised) child.stdin?.end();
          else if (pgid) killGroup(pgid, 'SIGTERM');
          if ((await Promise.race([exited.then(() => 'exited'), sleep(8000)])) !== 'exited' && pgid)
            killGroup(pgid, 'SIGKILL');
        }
        if (pgid) killGroup(pgid, 'SIGKILL'); // anything the group may have left
        await Promise.race([exited, sleep(2000)]);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    };

    const otlpHttpEndpoint = `http://127.0.0.1:${otlpPort}`;
    const queryUrl = `http://127.0.0.1:${queryPort}`;
    log(`jaeger: starting (OTLP/HTTP ${otlpHttpEndpoint}, query ${queryUrl}, log ${logFile})`);
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    try {
      for (;;) {
        if (done) {
          const lines = tail(logFile);
          if (/address already in use/.test(lines) && attempt < 3) break; // retry on new ports
          throw new Error(`jaeger exited during start-up; last lines of ${logFile}:\n${lines}`);
        }
        if (Date.now() > deadline) throw new Error(`jaeger did not come up in time; log:\n${tail(logFile)}`);
        const otlp = await request(`${otlpHttpEndpoint}/v1/traces`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"resourceSpans":[]}',
        });
        const services = otlp.status === 200 ? await request(`${queryUrl}/api/v3/services`) : undefined;
        if (services?.status === 200) {
          log('jaeger: ready');
          return {
            otlpHttpEndpoint,
            otlpTracesUrl: `${otlpHttpEndpoint}/v1/traces`,
            queryUrl,
            processGroup: pgid ?? 0,
            dir,
            logFile,
            logTail: (lines = 40) => tail(logFile, lines),
            stop,
          };
        }
        await sleep(100);
      }
    } catch (err) {
      // Keep the log in the message; the folder goes.
      await stop();
      throw err;
    }
    log(`jaeger: a port was taken meanwhile (attempt ${attempt}); starting again on new ports`);
    await stop();
  }
}

/** Stops a Jaeger from `startJaeger` (same as `jaeger.stop()`); a skip result is ignored. */
export async function stopJaeger(jaeger: RunningJaeger | JaegerSkip | undefined): Promise<void> {
  if (jaeger && !('skip' in jaeger)) await jaeger.stop();
}

// --- reading traces back ----------------------------------------------------------------------------------------

interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
}
interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}
interface OtlpSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  kind?: string | number;
  startTimeUnixNano?: string | number;
  endTimeUnixNano?: string | number;
  attributes?: OtlpKeyValue[];
  events?: { name?: string; timeUnixNano?: string | number; attributes?: OtlpKeyValue[] }[];
  links?: { traceId?: string; spanId?: string; attributes?: OtlpKeyValue[] }[];
  status?: { code?: string | number; message?: string };
}
/** OTLP JSON (opentelemetry-proto's TracesData), as api/v3 returns it under `result`. */
export interface OtlpTracesData {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[];
  }[];
}

/** Hex as OTLP JSON has it; base64 (protobuf's generic JSON mapping of bytes) is converted. */
function hexId(id: string | undefined): string {
  if (!id) return '';
  if (/^[0-9a-fA-F]+$/.test(id) && (id.length === 32 || id.length === 16)) return id.toLowerCase();
  return Buffer.from(id, 'base64').toString('hex');
}

function anyValue(v: OtlpAnyValue | undefined): AttributeValue {
  if (!v) return '';
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(anyValue);
  if (v.kvlistValue !== undefined) return JSON.stringify(attributes(v.kvlistValue.values));
  if (v.bytesValue !== undefined) return v.bytesValue;
  return '';
}

function attributes(kvs: OtlpKeyValue[] | undefined): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const kv of kvs ?? []) out[kv.key] = anyValue(kv.value);
  return out;
}

const KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const;
const STATUS = ['unset', 'ok', 'error'] as const;

function enumName<T extends string>(names: readonly T[], v: string | number | undefined, prefix: string): T {
  if (typeof v === 'number') return names[v] ?? (names[0] as T);
  const name = (v ?? '').replace(prefix, '').toLowerCase();
  return (names as readonly string[]).includes(name) ? (name as T) : (names[0] as T);
}

/**
 * Spans in tree order: depth first, each span after its parent, siblings (and roots: spans without a parent in
 * the trace) by start time, then name. Not plain start-time order: the JS SDK times each span with its own clock
 * anchor (wall clock in ms + a monotonic offset), so a child started within a millisecond of its parent may carry
 * an earlier start time than the parent.
 */
export function treeOrder(spans: readonly TraceSpan[]): TraceSpan[] {
  const byStart = (a: TraceSpan, b: TraceSpan) => {
    const x = BigInt(a.startTimeUnixNano);
    const y = BigInt(b.startTimeUnixNano);
    return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  };
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, TraceSpan[]>();
  for (const s of spans) {
    if (!s.parentSpanId || !ids.has(s.parentSpanId) || s.parentSpanId === s.spanId) continue;
    children.set(s.parentSpanId, [...(children.get(s.parentSpanId) ?? []), s]);
  }
  const out: TraceSpan[] = [];
  const seen = new Set<TraceSpan>();
  const visit = (s: TraceSpan) => {
    if (seen.has(s)) return;
    seen.add(s);
    out.push(s);
    for (const c of [...(children.get(s.spanId) ?? [])].sort(byStart)) visit(c);
  };
  const roots = spans.filter(
    (s) => !s.parentSpanId || !ids.has(s.parentSpanId) || s.parentSpanId === s.spanId,
  );
  for (const r of [...roots].sort(byStart)) visit(r);
  for (const s of [...spans].sort(byStart)) visit(s); // a parent cycle: nothing is lost
  return out;
}

/** Flattens OTLP JSON into spans, in tree order (`treeOrder`). */
export function flattenTrace(data: OtlpTracesData): TraceSpan[] {
  const spans: TraceSpan[] = [];
  for (const rs of data.resourceSpans ?? []) {
    const resource = attributes(rs.resource?.attributes);
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        spans.push({
          traceId: hexId(s.traceId),
          spanId: hexId(s.spanId),
          parentSpanId: hexId(s.parentSpanId),
          name: s.name ?? '',
          kind: enumName(KINDS, s.kind, 'SPAN_KIND_'),
          startTimeUnixNano: String(s.startTimeUnixNano ?? '0'),
          endTimeUnixNano: String(s.endTimeUnixNano ?? '0'),
          attributes: attributes(s.attributes),
          service: String(resource['service.name'] ?? ''),
          resource,
          scope: ss.scope?.name ?? '',
          status: {
            code: enumName(STATUS, s.status?.code, 'STATUS_CODE_'),
            message: s.status?.message ?? '',
          },
          events: (s.events ?? []).map((e) => ({
            name: e.name ?? '',
            timeUnixNano: String(e.timeUnixNano ?? '0'),
            attributes: attributes(e.attributes),
          })),
          links: (s.links ?? []).map((l) => ({
            traceId: hexId(l.traceId),
            spanId: hexId(l.spanId),
            attributes: attributes(l.attributes),
          })),
        });
      }
    }
  }
  return treeOrder(spans);
}

/**
 * Reads one trace through Jaeger's query API, `GET /api/v3/traces/{traceId}` (OTLP JSON under `result`), and
 * flattens it (`flattenTrace`). Resolves with `undefined` while Jaeger has no span of it (404).
 * `raw: true` (the default) asks for the spans as stored (`raw_traces=true`: no clock-skew, dedupe or sort
 * adjusters), so a span exported twice shows twice.
 */
export async function getTrace(
  queryUrl: string,
  traceIdHex: string,
  { raw = true }: { raw?: boolean } = {},
): Promise<TraceSpan[] | undefined> {
  const url = `${queryUrl}/api/v3/traces/${traceIdHex.toLowerCase()}${raw ? '?raw_traces=true' : ''}`;
  const res = await request(url, {}, 10_000);
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status || 'no answer'} ${res.body}`);
  return flattenTrace((JSON.parse(res.body) as { result?: OtlpTracesData }).result ?? {});
}

/**
 * Polls `getTrace` until the trace has at least `minSpans` spans and `until` (if given) holds; rejects after
 * `timeoutMs` (default 30 s) with what was there.
 */
export async function waitForTrace(
  queryUrl: string,
  traceIdHex: string,
  {
    minSpans = 1,
    until,
    timeoutMs = 30_000,
    raw,
  }: { minSpans?: number; until?: (spans: TraceSpan[]) => boolean; timeoutMs?: number; raw?: boolean } = {},
): Promise<TraceSpan[]> {
  const deadline = Date.now() + timeoutMs;
  let last: TraceSpan[] | undefined;
  for (;;) {
    last = await getTrace(queryUrl, traceIdHex, { raw });
    if (last && last.length >= minSpans && (!until || until(last))) return last;
    if (Date.now() > deadline) {
      const got = last ? last.map((s) => `${s.service}/${s.name}`).join(', ') : 'no span';
      throw new Error(`trace ${traceIdHex} not complete in Jaeger after ${timeoutMs} ms; got: ${got}`);
    }
    await sleep(200);
  }
}
