/**
 * The thirty-first round of data-flow capabilities (issue 16; held-out v31's failures, tuning data since its report;
 * v32 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe("a value's position in a list of categories is an encoding learnt from the list's rows, not those rows", () => {
  const prog = (vocabFrom: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
requests = pd.read_csv("deferrals.csv")
train = requests[requests["received_date"] < "2023-07-01"]
test = requests[requests["received_date"] >= "2023-07-01"]
lookup = {c: sorted(${vocabFrom}[c].dropna().unique()) for c in ["court", "reason"]}${mark}


def encode(df):
    codes = [[lookup[c].index(v) if v in lookup[c] else len(lookup[c]) for v in df[c]] for c in ["court", "reason"]]
    return np.column_stack(codes + [df["days_notice"].to_numpy()])


X_train, X_test = encode(train), encode(test)
clf = LogisticRegression().fit(X_train, train["granted"])
print(clf.score(X_test, test["granted"]))
`;
  it('categories of the training part (nothing; the test rows are not the training rows)', async () => {
    await check(prog('train'));
  });
  it('categories of every row (not followed: no rows of the table in the test features)', async () => {
    await check(prog('requests'));
  });
});

describe('learning-to-rank models (XGBRanker, LGBMRanker) are models', () => {
  const prog = (scoreOn: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.metrics import ndcg_score
from xgboost import XGBRanker
df = pd.read_parquet("search_clicks.parquet").sort_values("query_id")
train, valid, test = df[df.week < 40], df[(df.week >= 40) & (df.week < 46)], df[df.week >= 46]
results = {}
for objective in ["rank:pairwise", "rank:ndcg", "rank:map"]:
    model = XGBRanker(objective=objective).fit(train[["bm25", "ctr"]], train["grade"], qid=train["query_id"])
    results[objective] = ndcg_score([${scoreOn}["grade"]], [model.predict(${scoreOn}[["bm25", "ctr"]])])${mark}
best = max(results, key=results.get)
final = XGBRanker(objective=best).fit(train[["bm25", "ctr"]], train["grade"], qid=train["query_id"])
print(ndcg_score([test["grade"]], [final.predict(test[["bm25", "ctr"]])]))
`;
  it('objectives compared on the test weeks: reported', async () => {
    await check(prog('test', '  # <- leak-selection'));
  });
  it('compared on the validation weeks, the test weeks scored once (nothing)', async () => {
    await check(prog('valid'));
  });
});

describe('a prefit threshold tuner chooses the decision threshold on the rows it is fit on', () => {
  const prog = (tuneOn: string, cv = '"prefit"', mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, make_scorer
from sklearn.model_selection import TunedThresholdClassifierCV, train_test_split
df = pd.read_csv("axle_alarms.csv")
dev, test = train_test_split(df, test_size=0.25, random_state=0)
train, calib = train_test_split(dev, test_size=0.25, random_state=1)
clf = HistGradientBoostingClassifier().fit(train[["peak_kn", "speed"]], train["defect"])
alarm = TunedThresholdClassifierCV(clf, scoring=make_scorer(f1_score), cv=${cv})
alarm.fit(${tuneOn}[["peak_kn", "speed"]], ${tuneOn}["defect"])${mark}
print(f1_score(test["defect"], alarm.predict(test[["peak_kn", "speed"]])))
`;
  it('threshold tuned on the test rows, then scored there: reported', async () => {
    await check(prog('test', '"prefit"', '  # <- leak-selection'));
  });
  it('threshold tuned on a calibration split, the test rows scored once (nothing)', async () => {
    await check(prog('calib'));
  });
  it('cv=5 on the test rows trains the classifier there: reported as training on the evaluated rows', async () => {
    await check(prog('test', '5', '  # <- leak-overlap'));
  });
  it('cv=5 on the calibration split (nothing)', async () => {
    await check(prog('calib', '5'));
  });
});
