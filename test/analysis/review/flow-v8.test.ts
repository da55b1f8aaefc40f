/**
 * The eighth round of data-flow capabilities (issue 16's target-leakage misses on held-out v6–v8, tuning data since
 * they were reported): each behaviour with a leaky program (the lines that must be reported marked `# <- rule`) and
 * programs that must report nothing. The programs are written for these tests, not copied from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { reviewSources } from '../../../src/analysis/review/index.js';
import { OUTCOMES, recordedAfter } from '../../../src/analysis/review/rules/leakage/outcomes.js';
import { check } from './check-leakage.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */

describe('a list of column names edited in place', () => {
  const prog = (edit: string, mark = '  # <- leak-target') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
runs = pd.read_csv("runs.csv")
runs["finished"] = (runs["minutes"] < 240).astype(int)
runs["minutes_band"] = pd.cut(runs["minutes"], bins=[0, 180, 240, 600], labels=False)
cols = ["age", "weekly_km"]
${edit}
X_tr, X_te, y_tr, y_te = train_test_split(runs[cols], runs["finished"], random_state=0)
LogisticRegression().fit(X_tr, y_tr)${mark}
`;
  it.each([
    'cols.append("minutes_band")',
    'cols.extend(["minutes_band"])',
    'cols.insert(0, "minutes_band")',
    'extra = "minutes_band"\ncols.append(extra)',
  ])('%s adds the column to the features', async (edit) => {
    await check(prog(edit));
  });

  it('a removed column is no longer a feature', async () => {
    await check(prog('cols.append("minutes_band")\ncols.remove("minutes_band")', ''));
  });

  it('appending a harmless column reports nothing', async () => {
    await check(prog('cols.append("sex")', ''));
  });
});

describe('the keys of a dict of column names', () => {
  const prog = (pick: string, mark: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
cohort = pd.read_parquet("cohort.parquet")
names = {"age_at_visit": "age", "ldl": "ldl", ${pick}}
X = cohort[${'list(names)'}].rename(columns=names)
LogisticRegression().fit(X, cohort["stroke_within_3y"])${mark}
`;
  it('list(d) selects the keys: a drug started after the diagnosis is reported', async () => {
    await check(prog('"anticoagulant_prescribed": "anticoag"', '  # <- leak-target'));
  });

  it('a baseline measurement is not', async () => {
    await check(prog('"systolic_bp": "sbp"', ''));
  });

  it('d.keys() is the same list', async () => {
    const text = prog('"anticoagulant_prescribed": "anticoag"', '  # <- leak-target').replace(
      'list(names)',
      'list(names.keys())',
    );
    await check(text);
  });
});

describe('a label computed from one column is checked as that column', () => {
  const prog = (y: string, feature: string, mark: string) => `
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
lots = pd.read_csv("auction.csv")
lots = lots.assign(per_bottle=lambda d: d[${JSON.stringify(feature)}] / d["bottles"])
X_tr, X_te, y_tr, y_te = train_test_split(lots[["vintage", "bottles", "per_bottle"]], ${y}, random_state=3)
RandomForestRegressor().fit(X_tr, y_tr)${mark}
`;
  it.each(['np.log(lots["hammer_price"])', 'np.log1p(lots["hammer_price"])', 'lots["hammer_price"] / 1000'])(
    '%s: a feature computed from hammer_price is reported',
    async (y) => {
      await check(prog(y, 'hammer_price', '  # <- leak-target'));
    },
  );

  it('a feature computed from another column is not', async () => {
    await check(prog('np.log(lots["hammer_price"])', 'estimate_low', ''));
  });
});

describe('text made of several columns reads each of them', () => {
  const prog = (parts: string, text: string, mark: string) => `
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
claims = pd.read_parquet("warranty.parquet")
claims["escalated"] = claims["final_queue"].eq("legal").astype(int)
parts = ${parts}
text = ${text}
make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(text, claims["escalated"])${mark}
`;
  const three = '[claims["title"].fillna(""), claims["body"].fillna(""), claims["agent_notes"].fillna("")]';
  it.each([
    ['parts[0].str.cat(parts[1:], sep=" ")'],
    ['parts[0].str.cat([parts[1], parts[2]], sep=" ")'],
    ['parts[0] + " " + parts[2]'],
  ])('%s: the agents’ notes are written while the ticket is handled', async (text) => {
    await check(prog(three, text, '  # <- leak-target'));
  });

  it('the customer’s own words only: nothing', async () => {
    await check(prog(three, 'parts[0].str.cat(parts[1:2], sep=" ")', ''));
  });
});

describe('names of what follows an outcome, by domain', () => {
  it.each([
    ['collection_calls_made', 'defaulted'],
    ['max_dpd_first_6m', 'default_12m'],
    ['recoveries', 'loan_status'],
    ['n_broad_abx_orders', 'sepsis_3'],
    ['metformin_prescribed', 't2d_within_5y'],
    ['conversion_value', 'clicked'],
    ['annual_bill_eur', 'annual_kwh'],
    ['n_transfers', 'escalated'],
    ['usd_pledged_real', 'state'],
    ['readmit_cost', 'readmitted_30d'],
  ])('%s is recorded after %s', (feature, target) => {
    expect(recordedAfter(feature, [target]).length).toBeGreaterThan(0);
  });

  it.each([
    // A count over the period before (credit bureau style) or a value from before the outcome.
    ['prior_collections', 'defaulted'],
    ['collections_12_mths_ex_med', 'loan_status'],
    ['chargeoff_within_12_mths', 'loan_status'],
    ['inquiries_6m', 'defaulted'],
    ['prev_conversions', 'clicked'],
    ['orders_30d', 'purchased'],
    // The index stay's length is known at discharge, when a readmission is predicted.
    ['los_days', 'readmitted_30d'],
    // A lab value is not a treatment.
    ['insulin', 'diabetes'],
    // Unrelated domains.
    ['collection_calls_made', 'price'],
    ['annual_bill_eur', 'churned'],
  ])('%s is not recorded after %s', (feature, target) => {
    expect(recordedAfter(feature, [target])).toEqual([]);
  });

  it('every entry explains what follows its outcome', () => {
    for (const o of OUTCOMES) expect(o.follows.length).toBeGreaterThan(10);
  });

  it('is reported at low confidence, as a note', async () => {
    const text = `
import pandas as pd
from sklearn.linear_model import LogisticRegression
loans = pd.read_csv("loans.csv")
X = loans[["income", "dti", "collection_calls_made"]]
LogisticRegression().fit(X, loans["defaulted"])
`;
    const r = await reviewSources([{ path: 'prog.py', text }], { families: ['leakage'] });
    expect(r.findings.map((f) => [f.ruleId, f.confidence, f.severity])).toEqual([
      ['leak-target', 'low', 'note'],
    ]);
    expect(r.findings[0]!.why).toMatch(/collection, arrears and recovery come after a loan goes bad/);
  });
});

describe('zip() pairs the same row of each part without mixing them', () => {
  const prog = (loop: string) => `
import numpy as np
from sklearn.datasets import fetch_openml
from sklearn.neighbors import KNeighborsClassifier
digits = fetch_openml("mnist_784", version=1)
X, y = digits["data"], digits["target"]
images = [image for image in X]
labels = [label for label in y]
${loop}
KNeighborsClassifier().fit(np.array(images), np.array(labels))
`;
  it('images shifted in a loop over zip(X, y) do not carry the labels', async () => {
    await check(
      prog('for image, label in zip(X, y):\n    images.append(np.roll(image, 1))\n    labels.append(label)'),
    );
  });

  it('an image made with its label is still reported', async () => {
    const text = `
import numpy as np
import pandas as pd
from sklearn.neighbors import KNeighborsClassifier
df = pd.read_csv("digits.csv")
X, y = df.drop(columns="digit"), df["digit"]
rows = []
for row, label in zip(X.to_numpy(), y):
    rows.append(row + label)
KNeighborsClassifier().fit(np.array(rows), y)  # <- leak-target
`;
    await check(text);
  });
});

describe('a boosting dataset’s descriptive keywords are not its rows', () => {
  const prog = (make: string, train: string) => `
import lightgbm as lgb
import xgboost as xgb
from sklearn.datasets import fetch_california_housing
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split
housing = fetch_california_housing()
X_train, X_test, y_train, y_test = train_test_split(housing.data, housing.target, random_state=0)
${make}
${train}
print(r2_score(y_test, model.predict(${make.startsWith('dtrain = xgb') ? 'dtest' : 'X_test'})))
`;
  const xgbMake =
    'dtrain = xgb.DMatrix(X_train, y_train, feature_names=housing.feature_names)\ndtest = xgb.DMatrix(X_test, y_test, feature_names=housing.feature_names)';
  const lgbMake =
    'dtrain = lgb.Dataset(X_train, y_train, feature_name=housing.feature_names)\ndtest = lgb.Dataset(X_test, y_test, reference=dtrain, feature_name=housing.feature_names)';

  it('xgb.train with the training set among its evals: early stopping on the test set is selection, not overlap', async () => {
    await check(
      prog(
        xgbMake,
        'model = xgb.train({}, dtrain, evals=[(dtrain, "train"), (dtest, "eval")], num_boost_round=500, early_stopping_rounds=10)  # <- leak-selection',
      ),
    );
  });

  it('lgb.train with valid_sets=[dtrain, dtest]: the same', async () => {
    await check(
      prog(
        lgbMake,
        'model = lgb.train({}, dtrain, valid_sets=[dtrain, dtest], num_boost_round=500, callbacks=[lgb.early_stopping(10)])  # <- leak-selection',
      ),
    );
  });

  it('no early stopping: the evaluation sets are only printed, nothing is reported', async () => {
    await check(
      prog(
        xgbMake,
        'model = xgb.train({}, dtrain, evals=[(dtrain, "train"), (dtest, "eval")], num_boost_round=500)',
      ),
    );
  });
});

describe('a pretrained tokenizer encodes, it does not predict', () => {
  it('answer spans found by comparing token offsets with the answers choose nothing', async () => {
    await check(`
from datasets import load_dataset
from transformers import AutoTokenizer
tokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased")
squad = load_dataset("squad")

def prepare(examples):
    answers = examples["answers"]
    tok = tokenizer(examples["question"], examples["context"], return_offsets_mapping=True)
    starts = []
    for i, offset in enumerate(tok["offset_mapping"]):
        start_char = answers[i]["answer_start"][0]
        idx = 0
        while idx < len(offset) and offset[idx][0] <= start_char:
            idx += 1
        starts.append(idx - 1)
    tok["start_positions"] = starts
    return tok

encoded = squad.map(prepare, batched=True)
`);
  });

  it('a pretrained model’s predictions compared with the labels are still a score', async () => {
    await check(`
import torch
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer
tok = AutoTokenizer.from_pretrained("distilbert-base-uncased")
data = load_dataset("imdb")
test = data["test"]
best, best_acc = None, 0.0
for name in ["distilbert-base-uncased", "bert-base-uncased"]:
    model = AutoModelForSequenceClassification.from_pretrained(name)
    enc = tok(test["text"], truncation=True, padding=True, return_tensors="pt")
    with torch.no_grad():
        pred = model(enc["input_ids"]).logits.argmax(-1)
    acc = (pred == torch.tensor(test["label"])).float().mean().item()  # <- leak-selection
    if acc > best_acc:
        best, best_acc = name, acc
`);
  });
});
