/** `ai-ci carbon track` loads only its own command (main.ts → track-program.ts), and it is the same command. */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/runner-image/cli/program.js';
import { buildTrackProgram } from '../../../src/runner-image/cli/track-program.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('the carbon track program', () => {
  it('imports neither the whole command tree nor onnxruntime, the TypeScript compiler or the cluster clients', async () => {
    const r = await build({
      entryPoints: [path.join(repoRoot, 'src/runner-image/cli/track-program.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.some((f) => f.endsWith('commands/carbon-track.ts'))).toBe(true);
    expect(inputs.filter((f) => /cli\/program\.ts$|analysis\/(perf|select|review)\//.test(f))).toEqual([]);
    const packages = new Set(
      Object.values(r.metafile.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path)),
    );
    for (const p of ['onnxruntime-node', 'typescript', '@kubernetes/client-node', '@octokit/rest'])
      expect(packages).not.toContain(p);
    // The MLflow exporter is loaded only when --mlflow is given: reached by dynamic imports alone.
    const toExport = Object.entries(r.metafile.inputs)
      .filter(([file]) => !file.includes('src/export/'))
      .flatMap(([, i]) => i.imports.filter((x) => x.path.includes('src/export/')));
    expect(toExport.length).toBeGreaterThan(0);
    expect(new Set(toExport.map((x) => x.kind))).toEqual(new Set(['dynamic-import']));
    // So is the OpenTelemetry SDK, only when an OTLP endpoint is set (tracing.ts → tracing-otel.ts).
    const toTracing = Object.values(r.metafile.inputs).flatMap((i) =>
      i.imports.filter((x) => x.path.endsWith('cli/tracing-otel.ts')),
    );
    expect(toTracing.length).toBeGreaterThan(0);
    expect(new Set(toTracing.map((x) => x.kind))).toEqual(new Set(['dynamic-import']));
    const otelImporters = Object.entries(r.metafile.inputs)
      .filter(([, i]) => i.imports.some((x) => x.path.startsWith('@opentelemetry/')))
      .map(([file]) => file);
    expect(otelImporters.every((f) => /cli\/tracing-otel\.ts$|src\/telemetry\//.test(f))).toBe(true);
  });

  it('has the same options and help as `carbon track` in the whole tree', () => {
    const track = (p: ReturnType<typeof buildProgram>) =>
      p.commands.find((c) => c.name() === 'carbon')!.commands.find((c) => c.name() === 'track')!;
    const full = track(buildProgram());
    const alone = track(buildTrackProgram());
    expect(alone.options.map((o) => o.flags)).toEqual(full.options.map((o) => o.flags));
    expect(alone.helpInformation()).toBe(full.helpInformation());
    expect(alone.helpInformation()).toContain('grams CO2e');
  });
});
