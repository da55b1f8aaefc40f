import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POWER_MODEL } from '../../../src/analysis/energy/index.js';
import { carbonOptionsFrom, registerCarbonOptions } from '../../../src/controller/carbonpolicy/wiring.js';

function parse(args: string[], env: NodeJS.ProcessEnv = {}, ownNamespace?: string) {
  const program = registerCarbonOptions(new Command('t').exitOverride(), env);
  program.parse(args, { from: 'user' });
  return carbonOptionsFrom(program.opts(), ownNamespace);
}

describe('carbon controller flags', () => {
  it('defaults: public APIs, documented power model', () => {
    expect(parse([])).toEqual({ apiBaseUrls: {}, http: { timeoutMs: 10_000 }, power: DEFAULT_POWER_MODEL });
  });

  it('flags win over environment variables', () => {
    const o = parse(
      [
        '--carbon-api-base-url-uk',
        'http://127.0.0.1:9000',
        '--carbon-watts-per-gpu',
        '700',
        '--carbon-pue',
        '1.2',
        '--carbon-fetch-timeout',
        '3s',
      ],
      {
        AI_CI_CARBON_API_BASE_URL_UK: 'http://mirror.example:1',
        AI_CI_CARBON_API_BASE_URL_WATTTIME: 'https://wt-mirror.example',
        AI_CI_CARBON_WATTS_PER_CPU_CORE: '6',
      },
    );
    expect(o.apiBaseUrls).toEqual({
      ukCarbonIntensity: 'http://127.0.0.1:9000',
      wattTime: 'https://wt-mirror.example',
    });
    expect(o.http).toEqual({ timeoutMs: 3_000 });
    expect(o.power).toMatchObject({ wattsPerGpu: 700, wattsPerCpuCore: 6, pue: 1.2 });
  });

  it.each([
    [
      'in a namespace: the default ConfigMap',
      [],
      {},
      'ai-ci',
      { namespace: 'ai-ci', name: 'ai-ci-job-durations' },
    ],
    ['a named one', ['--job-durations-configmap', 'd'], {}, 'ai-ci', { namespace: 'ai-ci', name: 'd' }],
    ['from the environment', [], { AI_CI_JOB_DURATIONS_CONFIGMAP: 'e' }, 'x', { namespace: 'x', name: 'e' }],
    ['turned off', [], { AI_CI_JOB_DURATIONS_CONFIGMAP: '' }, 'ai-ci', undefined],
    ['no own namespace (outside a cluster): memory only', [], {}, undefined, undefined],
  ])('learned durations kept: %s', (_name, args, env, namespace, expected) => {
    expect(parse(args, env, namespace).durations).toEqual(expected);
  });

  it.each([
    [['--carbon-api-base-url-uk', 'ftp://x'], /not an http\(s\) URL/],
    [['--carbon-pue', '0.9'], /not a PUE/],
    [['--carbon-watts-per-gpu', '-1'], /not a number of watts/],
    [['--carbon-fetch-timeout', '10 seconds'], /not a duration/],
  ])('rejects %j', (args, message) => {
    expect(() => parse(args)).toThrow(message);
  });
});
