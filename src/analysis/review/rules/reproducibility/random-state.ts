/** repro-random-state: a randomised scikit-learn / XGBoost / LightGBM estimator or split without random_state. */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { kwarg, lastName } from '../syntax.js';

const RANDOMISED =
  /^(train_test_split|RandomForest\w+|ExtraTrees\w+|GradientBoosting\w+|HistGradientBoosting\w+|DecisionTree\w+|ExtraTree\w+|Bagging\w+|AdaBoost\w+|MLP\w+|SGD\w+|KMeans|MiniBatchKMeans|IsolationForest|RandomizedSearchCV|ShuffleSplit|StratifiedShuffleSplit|GroupShuffleSplit|TSNE|RandomTreesEmbedding|XGB\w+|LGBM\w+|SMOTE\w*|ADASYN|RandomOverSampler|RandomUnderSampler)$/;
const SHUFFLE_OPTIONAL = /^(KFold|StratifiedKFold)$/;

export const rule: Rule = {
  id: 'repro-random-state',
  family: 'reproducibility',
  kind: 'random-state',
  name: 'estimator or split without random_state',
  severity: 'note',
  confidence: 'high',
  summary: 'A randomised estimator, resampler or data split is created without random_state.',
  rationale:
    'With random_state=None scikit-learn draws from the global NumPy generator, so the split and the model change ' +
    'on each run (scikit-learn glossary, "random_state"; "Controlling randomness").',
  fix: 'Pass random_state=<int> (or a seeded np.random.RandomState) to every randomised estimator and split.',
  check(ctx: ProgramContext): RawFinding[] {
    // np.random.seed makes random_state=None reproducible: scikit-learn then uses the seeded global generator.
    if (ctx.calls.some((c) => c.name === 'numpy.random.seed')) return [];
    const out: RawFinding[] = [];
    for (const c of ctx.calls) {
      const name = lastName(c.name);
      const randomised =
        RANDOMISED.test(name) || (SHUFFLE_OPTIONAL.test(name) && kwarg(c.node, 'shuffle')?.text === 'True');
      if (!randomised) continue;
      if (name === 'train_test_split' && kwarg(c.node, 'shuffle')?.text === 'False') continue;
      if (kwarg(c.node, 'random_state') || kwarg(c.node, 'seed') || kwarg(c.node, 'random_seed')) continue;
      if (c.node.childForFieldName('arguments')?.namedChildren.some((a) => a?.type === 'dictionary_splat'))
        continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: c.at,
        message: `${name} without random_state`,
        why: `${name} at line ${c.at.line} is randomised and gets no random_state, and no global NumPy seed is set, so each run differs.`,
      });
    }
    return out;
  },
};
