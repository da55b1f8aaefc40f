/**
 * Per-Pod energy from Kepler (sustainable-computing-io/kepler), read through Prometheus' HTTP API: Kepler exports a
 * joule counter per container, `kepler_container_joules_total{container_namespace, pod_name, container_name, mode}`
 * (mode dynamic and idle), and `increase()` over the run of a job gives what its runner Pod drew.
 *
 * The request and answer are Prometheus' documented instant query (https://prometheus.io/docs/prometheus/latest/
 * querying/api/#instant-queries): `GET /api/v1/query?query=…&time=<unix seconds>` answers
 * `{"status":"success","data":{"resultType":"vector","result":[{"metric":{…},"value":[<unix s>,"<number>"]}]}}`, or
 * `{"status":"error","errorType":"…","error":"…"}` with a 4xx/5xx status. Newer Kepler releases renamed the metric:
 * the query is a template (`KEPLER_DEFAULT_QUERY`) with `$namespace`, `$pod` and `$window` filled in.
 */

/** The default query: both modes of every container of the Pod, over the run. */
export const KEPLER_DEFAULT_QUERY =
  'sum(increase(kepler_container_joules_total{container_namespace="$namespace",pod_name="$pod"}[$window]))';

export interface KeplerOptions {
  /** Prometheus base URL, e.g. `http://prometheus.monitoring:9090`. */
  prometheusUrl: string;
  /** PromQL with `$namespace`, `$pod` and `$window` (default KEPLER_DEFAULT_QUERY). */
  query?: string;
  /** Bearer token for a Prometheus behind auth (never logged). */
  token?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type KeplerReading =
  | { joules: number; query: string }
  /** No answer to use: the reason says why (no samples, an error of Prometheus, a timeout), never a secret. */
  | { missing: string; query: string };

/** PromQL label values are double-quoted strings: backslash and quote are escaped. */
function quote(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

export class KeplerReader {
  private readonly base: string;
  private readonly template: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: KeplerOptions) {
    this.base = options.prometheusUrl.replace(/\/+$/, '');
    this.template = options.query ?? KEPLER_DEFAULT_QUERY;
    this.fetch = options.fetch ?? fetch;
  }

  /** The PromQL for one Pod's run: the window is whole seconds, at least one (Prometheus rejects `[0s]`). */
  queryFor(namespace: string, pod: string, windowSeconds: number): string {
    const window = `${Math.max(1, Math.ceil(windowSeconds))}s`;
    return this.template
      .replaceAll('$namespace', quote(namespace))
      .replaceAll('$pod', quote(pod))
      .replaceAll('$window', window);
  }

  /** Joules the Pod drew over `windowSeconds` ending at `at` (epoch ms). */
  async podJoules(namespace: string, pod: string, windowSeconds: number, at: number): Promise<KeplerReading> {
    const query = this.queryFor(namespace, pod, windowSeconds);
    const url = `${this.base}/api/v1/query?${new URLSearchParams({ query, time: (at / 1000).toFixed(3) })}`;
    let res: Response;
    try {
      res = await this.fetch(url, {
        headers: {
          accept: 'application/json',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
    } catch (err) {
      const e = err as Error;
      return {
        missing: `Prometheus unreachable (${e.name === 'TimeoutError' ? 'timed out' : e.message})`,
        query,
      };
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return { missing: `Prometheus answered HTTP ${res.status} without JSON`, query };
    }
    const doc = body as {
      status?: string;
      error?: string;
      errorType?: string;
      data?: { resultType?: string; result?: { value?: [number, string] }[] };
    };
    if (doc.status !== 'success') {
      return {
        missing: `Prometheus: ${doc.errorType ?? `HTTP ${res.status}`}: ${doc.error ?? 'no error text'}`,
        query,
      };
    }
    if (doc.data?.resultType !== 'vector') {
      return {
        missing: `Prometheus answered a ${doc.data?.resultType ?? 'missing'} result, not a vector`,
        query,
      };
    }
    const values = (doc.data.result ?? []).map((r) => Number(r.value?.[1])).filter((v) => Number.isFinite(v));
    if (values.length === 0) return { missing: 'Kepler has no samples for this Pod (yet)', query };
    return { joules: values.reduce((a, b) => a + b, 0), query };
  }
}
