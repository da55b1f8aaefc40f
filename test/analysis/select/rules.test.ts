import { describe, expect, it } from 'vitest';
import { SelectInputError } from '../../../src/analysis/select/errors.js';
import { DEFAULT_RULES, parseRules, RuleSet } from '../../../src/analysis/select/rules.js';

describe('parseRules', () => {
  it('reads declared rules from YAML', () => {
    const rules = parseRules(
      '.ai-ci/select.yaml',
      'rules:\n  - name: golden\n    paths: ["tests/golden/**"]\n    run: tests\n    tests: ["tests/test_render.py"]\n  - paths: ["*.ini"]\n    run: all\n',
    );
    expect(rules).toEqual([
      { name: 'golden', paths: ['tests/golden/**'], run: 'tests', tests: ['tests/test_render.py'] },
      { name: 'rules[1]', paths: ['*.ini'], run: 'all' },
    ]);
  });

  it.each([
    ['rules: 3', 'needs a top-level "rules" list'],
    ['rules:\n  - paths: []\n    run: all', 'rules[0].paths must be a non-empty list'],
    [
      'rules:\n  - paths: ["a"]\n    run: some',
      'rules[0].run is "some"; expected one of all, none, directory, tests',
    ],
    ['rules:\n  - paths: ["a"]\n    run: tests', 'rules[0].tests must be a non-empty list'],
    ['rules: [', 'not valid YAML'],
  ])('names the file and field of a bad rule: %s', (text, message) => {
    expect(() => parseRules('r.yaml', text)).toThrow(SelectInputError);
    expect(() => parseRules('r.yaml', text)).toThrow(`r.yaml: ${message}`);
  });
});

describe('RuleSet', () => {
  it('matches the first rule, declared before defaults, dotfiles included', () => {
    const set = new RuleSet([{ name: 'mine', paths: ['package.json'], run: 'none' }, ...DEFAULT_RULES]);
    expect(set.match('package.json')!.name).toBe('mine');
    expect(set.match('web/package.json')!.name).toBe('test runner configuration');
    expect(set.match('.github/workflows/ci.yml')!.name).toBe('CI configuration');
    expect(set.match('src/app.py')).toBeUndefined();
  });

  it('applies a directory rule to the tests below the file, and to all of them at the root', () => {
    const tests = ['a/test_x.py', 'a/b/test_y.py', 'c/test_z.py'];
    const rule = { name: 'dir', paths: ['**/fixture.json'], run: 'directory' } as const;
    expect(RuleSet.testsFor(rule, 'a/fixture.json', tests)).toEqual(['a/test_x.py', 'a/b/test_y.py']);
    expect(RuleSet.testsFor(rule, 'fixture.json', tests)).toBe('all');
  });
});
