import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../../src/runner-image/cli/program.js';

const actionPath = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'actions',
  'ai-regression-detector',
  'action.yml',
);

interface ActionYaml {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: { id?: string; shell?: string; run?: string; env?: Record<string, string> }[];
  };
}

describe('actions/ai-regression-detector/action.yml', () => {
  const text = readFileSync(actionPath, 'utf8');
  const action = parse(text) as ActionYaml;

  it('is a composite action with the design document’s inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['benchmark-results', 'model-path', 'threshold', 'history', 'github-token']),
    );
    expect(action.inputs['benchmark-results']!.required).toBe(true);
    expect(action.inputs.threshold!.default).toBe('0.95');
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
    }
  });

  it('uses every declared input, and only declared ones', () => {
    const used = new Set([...text.matchAll(/\$\{\{\s*inputs\.([a-z-]+)\s*\}\}/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('passes inputs through the environment, never spliced into the script', () => {
    for (const step of action.runs.steps) {
      expect(step.shell).toBe('bash');
      expect(step.run).not.toMatch(/\$\{\{/);
    }
  });

  it('maps its outputs to what the CLI writes with --github-output', () => {
    const analyze = action.runs.steps.find((s) => s.id === 'analyze')!;
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value).toBe(`\${{ steps.analyze.outputs.${name} }}`);
    }
    expect(analyze.run).toContain('--github-output "$GITHUB_OUTPUT"');
    expect(analyze.run).toContain('echo "report=$report" >> "$GITHUB_OUTPUT"');
  });

  it('passes only options that ai-ci perf analyze has', () => {
    const analyzeCommand = buildProgram()
      .commands.find((c) => c.name() === 'perf')!
      .commands.find((c) => c.name() === 'analyze')!;
    const known = new Set(analyzeCommand.options.map((o) => o.long));
    const run = action.runs.steps.find((s) => s.id === 'analyze')!.run!;
    const passed = [...run.matchAll(/(?<![\w-])(--[a-z][a-z-]+)/g)].map((m) => m[1]!);
    expect(passed.length).toBeGreaterThan(8);
    for (const flag of passed) expect(known.has(flag), flag).toBe(true);
  });
});
