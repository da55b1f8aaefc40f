import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POWER_MODEL } from '../../../src/analysis/energy/index.js';
import { carbonOptionsFrom, registerCarbonOptions } from '../../../src/controller/carbonpolicy/wiring.js';

function parse(args: string[], env: NodeJS.ProcessEnv = {}) {
  const program = registerCarbonOptions(new Command('t').exitOverride(), env);
  program.parse(args, { from: 'user' });
  return carbonOptionsFrom(program.opts());
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
    [['--carbon-api-base-url-uk', 'ftp://x'], /not an http\(s\) URL/],
    [['--carbon-pue', '0.9'], /not a PUE/],
    [['--carbon-watts-per-gpu', '-1'], /not a number of watts/],
    [['--carbon-fetch-timeout', '10 seconds'], /not a duration/],
  ])('rejects %j', (args, message) => {
    expect(() => parse(args)).toThrow(message);
  });
});
