/**
 * The twenty-seventh round of data-flow capabilities (issue 16; held-out v27's failures, tuning data since its report;
 * v28 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('rows kept by isin() of one part of a split of their ids are that part of the split', () => {
  const prog = (fit: string, parts: string) => `
import pandas as pd
from sklearn.impute import KNNImputer
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import train_test_split
df = pd.read_csv("orchard_blocks.csv")
NUM = ["canopy_m", "slope_deg", "soil_ph"]
${fit}
blocks = df["block_id"].unique()
train_blocks, test_blocks = train_test_split(blocks, test_size=0.25, random_state=0)
${parts}
model = make_pipeline(KNNImputer(), Ridge()).fit(train[NUM], train["yield_t"])
print(model.score(test[NUM], test["yield_t"]))
`;
  const isin = `train = df[df["block_id"].isin(train_blocks)]
test = df[df["block_id"].isin(test_blocks)]`;
  const negated = `held = df["block_id"].isin(test_blocks)
train = df[~held]
test = df[held]`;
  it('an imputer fit on every block before the ids are split, reported', async () => {
    await check(prog(`df[NUM] = KNNImputer().fit_transform(df[NUM])${'  # <- leak-preprocessing'}`, isin));
    await check(prog(`df[NUM] = KNNImputer().fit_transform(df[NUM])${'  # <- leak-preprocessing'}`, negated));
  });
  it('the imputer inside the pipeline, fit on the training blocks (nothing)', async () => {
    await check(prog('', isin));
    await check(prog('', negated));
  });
});
