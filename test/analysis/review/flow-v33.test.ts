/**
 * The thirty-sixth round of data-flow capabilities (issue 16; held-out v36's failures, tuning data since its report;
 * v37 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe("a column's indicators added to the features are those columns, not every column of the frame", () => {
  const prog = (features: string, extra = '', mark = '', how = 'prefix="arena", dtype=float') => `
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("readings.csv", parse_dates=["time"])
features = ${features}
df = df[features + ["firmness_g", "arena", "time"]].dropna(subset=["firmness_g"])
${extra}dummies = pd.get_dummies(df["arena"], ${how})
df = pd.concat([df, dummies], axis=1)
features += list(dummies.columns)
train = df[df["time"] <= "2023-12-31"]
test = df[df["time"] > "2023-12-31"]
model = Ridge().fit(train[features], train["firmness_g"])${mark}
print(model.score(test[features], test["firmness_g"]))
`;
  it('two readings and the arena indicators (nothing)', async () => {
    await check(prog('["depth", "moisture"]'));
  });
  it('indicators without a prefix (nothing)', async () => {
    await check(prog('["depth", "moisture"]', '', '', 'dtype=float'));
  });
  it('the target among the named features: reported', async () => {
    await check(prog('["depth", "firmness_g"]', '', '  # <- leak-target'));
  });
  it('a column computed from the target among them: reported', async () => {
    await check(
      prog(
        '["depth", "moisture"]',
        'df["firm_kg"] = df["firmness_g"] / 1000\nfeatures = features + ["firm_kg"]\n',
        '  # <- leak-target',
      ),
    );
  });
});
