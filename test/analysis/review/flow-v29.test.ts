/**
 * The thirty-second round of data-flow capabilities (issue 16; held-out v32's failures, tuning data since its report;
 * v33 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a list of column names built by extend() holds the names it was given, not every column', () => {
  const prog = (group: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
GROUPS = {"calf": ["birth_weight_kg", "sex_male"], "dam": ["dam_age"], "outcome": ["survived", "dam_age"]}
df = pd.read_csv("calves.csv")
y = df["survived"]
train_df, test_df, y_train, y_test = train_test_split(df, y, random_state=0)
cols = []
for g in ${group}:
    cols.extend(GROUPS[g])
model = LogisticRegression().fit(train_df[cols], y_train)${mark}
print(model.score(test_df[cols], y_test))
`;
  it('groups of features chosen by a key in a loop (nothing: the names are not known, not the whole frame)', async () => {
    await check(prog('["calf", "dam"]'));
  });
  it('one group written out, the target not in it (nothing)', async () => {
    await check(prog('["calf"]').replace('cols.extend(GROUPS[g])', 'cols.extend(GROUPS["calf"])'));
  });
  it('a group written out that holds the target: reported', async () => {
    await check(
      prog('["outcome"]', '  # <- leak-target').replace(
        'cols.extend(GROUPS[g])',
        'cols.extend(GROUPS["outcome"])',
      ),
    );
  });
});
