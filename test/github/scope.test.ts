import { describe, expect, it } from 'vitest';
import { scopeFromSpec, scopeKey } from '../../src/github/scope.js';

describe('scopeFromSpec', () => {
  it('organization', () => {
    expect(scopeFromSpec({ organization: 'octo-org' })).toEqual({
      kind: 'organization',
      organization: 'octo-org',
    });
  });
  it('repository owner/repo', () => {
    expect(scopeFromSpec({ repository: 'octo-org/app.js' })).toEqual({
      kind: 'repository',
      owner: 'octo-org',
      repo: 'app.js',
    });
  });
  it.each([
    [{}, 'spec.github: set one of organization or repository'],
    [{ organization: 'a', repository: 'a/b' }, 'not both'],
    [{ repository: 'just-a-name' }, 'spec.github.repository: "just-a-name" is not of the form owner/repo'],
    [{ repository: 'a/b/c' }, 'spec.github.repository'],
    [{ repository: 'a/../b' }, 'spec.github.repository'],
    [{ organization: 'bad org' }, 'spec.github.organization'],
  ])('rejects %j naming the field', (spec, message) => {
    expect(() => scopeFromSpec(spec)).toThrow(message);
  });
  it('scopeKey', () => {
    expect(scopeKey({ kind: 'organization', organization: 'o' })).toBe('o');
    expect(scopeKey({ kind: 'repository', owner: 'o', repo: 'r' })).toBe('o/r');
  });
});
