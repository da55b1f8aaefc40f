import { describe, expect, it } from 'vitest';
import { reviewSources } from '../../../src/analysis/review/index.js';

describe('repro-unpinned-deps', () => {
  it('flags requirements lines without an exact pin, with the line and the range asked for', async () => {
    const text =
      '# tools\nnumpy\npandas==2.2.1\ntorch>=2.1  # GPU\nscikit-learn~=1.4\n-r base.txt\nrequests[socks]==2.31.0\n';
    const r = await reviewSources([{ path: 'ml/requirements.txt', text }]);
    expect(r.findings.map((f) => [f.location.line, f.message])).toEqual([
      [2, 'numpy is not pinned'],
      [4, 'torch is not pinned (>=2.1)'],
      [5, 'scikit-learn is not pinned (~=1.4)'],
    ]);
  });

  it('reads PEP 621 and Poetry dependencies of pyproject.toml, and trusts a lock file beside it', async () => {
    const text =
      '[project]\nname = "x"\ndependencies = ["numpy==1.26.4", "pandas>=2"]\n\n[tool.poetry.dependencies]\npython = "^3.11"\ntorch = "^2.2"\nxgboost = "2.0.3"\n';
    const r = await reviewSources([{ path: 'pyproject.toml', text }]);
    expect(r.findings.map((f) => [f.location.line, f.message])).toEqual([
      [3, 'pandas is not pinned (>=2)'],
      [7, 'torch is not pinned (^2.2)'],
    ]);
    const locked = await reviewSources([
      { path: 'pyproject.toml', text },
      { path: 'uv.lock', text: '' },
    ]);
    expect(locked.findings).toEqual([]);
  });
});
