/** repro-unseeded: random numbers from Python, NumPy, PyTorch or TensorFlow with no seed set in the program. */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';

const LIBS: { lib: string; uses: RegExp; seeds: RegExp; seedHint: string }[] = [
  {
    lib: 'random',
    uses: /^random\.(random|randint|choice|choices|shuffle|sample|uniform|gauss|randrange)$/,
    seeds: /^random\.seed$/,
    seedHint: 'random.seed(…)',
  },
  {
    lib: 'numpy',
    uses: /^numpy\.random\.(rand|randn|randint|random|choice|shuffle|permutation|normal|uniform|binomial|poisson|default_rng|RandomState)$/,
    seeds: /^numpy\.random\.seed$/,
    seedHint: 'np.random.seed(…) or np.random.default_rng(seed)',
  },
  {
    lib: 'torch',
    uses: /^torch\.(rand|randn|randint|randperm|normal|bernoulli|multinomial|nn\.init\.\w+|utils\.data\.random_split)$|^torch\.nn\.\w+$|^nn\.(Linear|Conv[123]d|LSTM|GRU|Embedding)$/,
    seeds: /^torch\.(manual_seed|cuda\.manual_seed_all|cuda\.manual_seed)$|seed_everything$|set_seed$/,
    seedHint: 'torch.manual_seed(…)',
  },
  {
    lib: 'tensorflow',
    uses: /^tensorflow\.(random\.\w+|keras\.(Sequential|Model|layers\.Dense))$|^keras\.(Sequential|Model)$/,
    seeds:
      /^(tensorflow\.(random\.set_seed|keras\.utils\.set_random_seed|set_random_seed)|keras\.utils\.set_random_seed)$|set_seed$/,
    seedHint: 'tf.keras.utils.set_random_seed(…)',
  },
];

export const rule: Rule = {
  id: 'repro-unseeded',
  family: 'reproducibility',
  kind: 'seed',
  name: 'unseeded random numbers',
  severity: 'warning',
  confidence: 'high',
  summary: 'Random numbers (or randomly initialised weights) are drawn and no seed is set for that library.',
  rationale:
    'Without a seed every run draws different numbers, so results cannot be reproduced or compared across commits ' +
    '(PyTorch "Reproducibility" notes; TensorFlow op determinism guide).',
  fix:
    'Set the seed once at start-up for each library used (random.seed, np.random.seed or a seeded Generator, ' +
    'torch.manual_seed, tf.keras.utils.set_random_seed), read from configuration.',
  check(ctx: ProgramContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const lib of LIBS) {
      if (ctx.calls.some((c) => lib.seeds.test(c.name))) continue;
      const use =
        ctx.calls.find(
          (c) => lib.uses.test(c.name) && !(c.name.endsWith('default_rng') || c.name.endsWith('RandomState')),
        ) ??
        ctx.calls.find(
          (c) =>
            /(default_rng|RandomState)$/.test(c.name) &&
            lib.lib === 'numpy' &&
            (c.node.childForFieldName('arguments')?.namedChildren.length ?? 0) === 0,
        );
      if (!use) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: use.at,
        message: `${lib.lib} random numbers without a seed`,
        why: `${use.node.childForFieldName('function')?.text}(…) at line ${use.at.line} draws from ${lib.lib}'s generator and the program never calls ${lib.seedHint}.`,
        fix: `Call ${lib.seedHint} once at start-up.`,
      });
    }
    return out;
  },
};
