/**
 * The twenty-eighth round of data-flow capabilities, continued (issue 16; held-out v28's failures, tuning data since
 * its report; v29 frozen before this round): each behaviour with a leaky program (the line that must be reported
 * marked `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('copies of each row made in a loop over a count inside the pass over the rows', () => {
  const prog = (inner: string, split = '') => `
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
rng = np.random.default_rng(0)
X = np.load("vibration.npy")
y = np.load("labels.npy")
${split}
xs, ys = [], []
for sig, lab in zip(X, y):
${inner}
X_aug = np.stack(xs)
y_aug = np.array(ys)
`;
  const tail = (aug: string, mark = '') => `${aug}
X_tr, X_te, y_tr, y_te = train_test_split(X_aug, y_aug, test_size=0.2, random_state=0)${mark}
clf = LogisticRegression().fit(X_tr, y_tr)
print(clf.score(X_te, y_te))
`;
  it('four jittered copies of each signal, then split: reported at the appends', async () => {
    await check(
      tail(
        prog(`    for _ in range(4):
        xs.append(sig + rng.normal(0, 0.01, sig.shape))  # <- leak-overlap
        ys.append(lab)  # <- leak-overlap`),
      ),
    );
  });
  it('the count read from a setting and the loop written with a name it never reads: reported', async () => {
    await check(
      tail(
        `N_COPIES = 3
${prog(`    for k in range(N_COPIES):
        xs.append(np.roll(sig, int(rng.integers(1, 50))))  # <- leak-overlap
        ys.append(lab)  # <- leak-overlap`)}`,
      ),
    );
  });
  it('a retry loop that stops at its first success appends one item per row (nothing)', async () => {
    await check(
      tail(
        prog(`    for attempt in range(3):
        try:
            xs.append(denoise(sig))
            ys.append(lab)
            break
        except ValueError:
            continue`),
      ),
    );
  });
  it('frames at offsets the counter gives are parts of the row, not copies (only their random split)', async () => {
    await check(
      tail(
        prog(`    for start in range(0, 1000, 250):
        seg = sig[start:start + 250]
        xs.append(seg)
        ys.append(lab)`),
        '  # <- leak-time-split',
      ),
    );
  });
  it('the copies made of the training part only, after the split (nothing)', async () => {
    await check(`
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
rng = np.random.default_rng(0)
X = np.load("vibration.npy")
y = np.load("labels.npy")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
xs, ys = [], []
for sig, lab in zip(X_tr, y_tr):
    for _ in range(4):
        xs.append(sig + rng.normal(0, 0.01, sig.shape))
        ys.append(lab)
clf = LogisticRegression().fit(np.stack(xs), np.array(ys))
print(clf.score(X_te, y_te))
`);
  });
});

describe('copies of each row made by a comprehension', () => {
  const prog = (rows: string) => `
import pandas as pd
from rdkit import Chem
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split

def spellings(smi, n):
    mol = Chem.MolFromSmiles(smi)
    return sorted({Chem.MolToSmiles(mol, doRandom=True, canonical=False) for _ in range(n * 3)})[:n]

df = pd.read_csv("solubility.csv")
${rows}
vec = HashingVectorizer(analyzer="char", ngram_range=(2, 5))
model = Ridge().fit(vec.transform(train["smiles"]), train["logS"])
print(model.score(vec.transform(test["smiles"]), test["logS"]))
`;
  it('random spellings of each molecule, the label repeated with each, then split: reported', async () => {
    await check(
      prog(`rows = [(s, y) for c, y in zip(df["smiles"], df["logS"]) for s in spellings(c, 10)]  # <- leak-overlap
aug = pd.DataFrame(rows, columns=["smiles", "logS"])
train, test = train_test_split(aug, test_size=0.2, random_state=7)`),
    );
  });
  it('five copies of each row by a clause over a count, then split: reported', async () => {
    await check(
      prog(`rows = [(c, y) for c, y in zip(df["smiles"], df["logS"]) for _ in range(5)]  # <- leak-overlap
aug = pd.DataFrame(rows, columns=["smiles", "logS"])
train, test = train_test_split(aug, test_size=0.2, random_state=7)`),
    );
  });
  it('split first, the spellings made of the training molecules only (nothing)', async () => {
    await check(
      prog(`train0, test = train_test_split(df, test_size=0.2, random_state=7)
rows = [(s, y) for c, y in zip(train0["smiles"], train0["logS"]) for s in spellings(c, 10)]
train = pd.DataFrame(rows, columns=["smiles", "logS"])`),
    );
  });
  it('the characters of each string, no label carried with them, then split (nothing)', async () => {
    await check(
      prog(`chars = [ch for s in df["smiles"] for ch in list(s)]
train, test = train_test_split(df, test_size=0.2, random_state=7)`),
    );
  });
});

describe("what handling the case took, recorded with the case's outcome", () => {
  const prog = (cols: string, label = 'towed') => `
import pandas as pd
from lightgbm import LGBMClassifier
calls = pd.read_csv("patrol_calls.csv", parse_dates=["call_time"])
jobs = pd.read_csv("patrol_jobs.csv")
df = calls.merge(jobs, on="call_id", how="inner")
df["hour"] = df["call_time"].dt.hour
FEATURES = ["hour", "vehicle_age", "fault_code", ${cols}]
train = df[df["call_time"] < "2024-01-01"]
test = df[df["call_time"] >= "2024-01-01"]
model = LGBMClassifier().fit(train[FEATURES], train["${label}"])  # MARK
print(model.score(test[FEATURES], test["${label}"]))
`;
  const marked = (src: string, mark: string) => src.replace('# MARK', mark);
  it.each([
    ['"on_scene_minutes"'],
    ['"parts_fitted"'],
    ['"days_to_close"'],
    ['"hours_out_of_service"'],
    ['"cover_overtime_hrs"'],
  ])('%s beside the job outcome: reported', async (col) => {
    await check(marked(prog(col), '# <- leak-target'));
  });
  it("the same columns beside a label about a later call (a revisit): this job's handling is the past (nothing)", async () => {
    await check(marked(prog('"on_scene_minutes", "parts_fitted"', 'revisit_30d'), ''));
  });
  it("a door's close time, a web visit's time on site and a barn's downtime are no case's handling (nothing)", async () => {
    await check(marked(prog('"door_close_time_s", "time_on_site_s", "downtime_days"'), ''));
  });
  it('the handling of earlier jobs, named so (nothing)', async () => {
    await check(marked(prog('"prev_on_scene_minutes", "prior_parts_fitted"'), ''));
  });
});

describe('a duration that ends when the case ends', () => {
  const prog = (feature: string, label = 'found_alive') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
cases = pd.read_csv("search_cases.csv", parse_dates=["reported_at", "closed_at", "last_seen_at", "planned_end_at"])
cases["${feature.split('=')[0]!.trim()}"] = ${feature.split('=')[1]!.trim()}
FEATURES = ["age", "party_size", "${feature.split('=')[0]!.trim()}"]
train = cases[cases["reported_at"] < "2023-01-01"]
test = cases[cases["reported_at"] >= "2023-01-01"]
model = LogisticRegression().fit(train[FEATURES], train["${label}"])  # MARK
print(model.score(test[FEATURES], test["${label}"]))
`;
  const closed = 'search_hours = (cases["closed_at"] - cases["reported_at"]).dt.total_seconds() / 3600';
  it('hours from the report to the case closing, beside its outcome: reported', async () => {
    await check(prog(closed).replace('# MARK', '# <- leak-target'));
  });
  it('the same beside a label about a later case of the person (a repeat): nothing', async () => {
    await check(prog(closed, 'repeat_within_1y').replace('# MARK', ''));
  });
  it('hours from last seen to the report, both known when the search starts (nothing)', async () => {
    await check(
      prog('delay_hours = (cases["reported_at"] - cases["last_seen_at"]).dt.total_seconds() / 3600').replace(
        '# MARK',
        '',
      ),
    );
  });
  it('hours to the planned end of the search (nothing)', async () => {
    await check(
      prog('plan_hours = (cases["planned_end_at"] - cases["reported_at"]).dt.total_seconds() / 3600').replace(
        '# MARK',
        '',
      ),
    );
  });
  it('the hour the case closed alone is no duration (nothing; a library checkout or a ride exit is a start)', async () => {
    await check(prog('closed_hour = cases["closed_at"].dt.hour').replace('# MARK', ''));
  });
});

describe("a pivot table of a dated log is each key's summary, as a groupby's", () => {
  const prog = (cut: string) => `
import pandas as pd
from catboost import CatBoostClassifier
disputes = pd.read_csv("deposit_disputes.csv", parse_dates=["lodged_date", "decision_date"])
events = pd.read_csv("case_events.csv", parse_dates=["event_time"])
${cut}
counts = (
    events.pivot_table(index="dispute_id", columns="event_type", values="event_time", aggfunc="count", fill_value=0)
    .add_prefix("n_")
    .reset_index()
)
df = disputes.merge(counts, on="dispute_id", how="left")
event_cols = [c for c in df.columns if c.startswith("n_")]
FEATURES = ["deposit_amount", "tenancy_months"] + event_cols
train = df[df["decision_date"] < "2024-04-01"]
test = df[df["lodged_date"] >= "2024-04-01"]
model = CatBoostClassifier(verbose=0).fit(train[FEATURES], train["tenant_won"])  # MARK
print(model.score(test[FEATURES], test["tenant_won"]))
`;
  it("each case's events counted over all time, the decision's aftermath included: reported", async () => {
    await check(prog('').replace('# MARK', '# <- leak-target'));
  });
  it("the events cut at each case's decision date first (nothing)", async () => {
    await check(
      prog(`events = events.merge(disputes[["dispute_id", "decision_date"]], on="dispute_id", how="inner")
events = events[events["event_time"] < events["decision_date"]]`).replace('# MARK', ''),
    );
  });
});

describe('a label summed over the next days by a forward window needs a gap of its horizon', () => {
  const polars = (label: string, train: string) => `
from datetime import date, timedelta
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
HORIZON = 28
cutoff = date(2024, 6, 1)
frame = pl.read_csv("parcels_daily.csv", try_parse_dates=True).sort("centre_id", "date")
frame = frame.with_columns(
    pl.col("parcels").shift(1).rolling_sum(7).over("centre_id").alias("past_7d"),
    ${label}.over("centre_id").alias("next_28d"),
).drop_nulls()
FEATS = ["past_7d"]
${train}
test = frame.filter(pl.col("date") >= cutoff)
model = HistGradientBoostingRegressor().fit(train.select(FEATS).to_numpy(), train["next_28d"].to_numpy())
print(model.score(test.select(FEATS).to_numpy(), test["next_28d"].to_numpy()))
`;
  const forward = 'pl.col("parcels").reverse().rolling_sum(HORIZON).reverse().shift(-1)';
  it('Polars reverse().rolling_sum(28).reverse(), cut at one date: reported at the training part', async () => {
    await check(polars(forward, 'train = frame.filter(pl.col("date") < cutoff)  # <- leak-time-split'));
  });
  it('the training part ends a horizon before the cutoff (nothing)', async () => {
    await check(polars(forward, 'train = frame.filter(pl.col("date") < cutoff - timedelta(days=HORIZON))'));
  });
  const pandas = (label: string, split: string) => `
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("misting_daily.csv", parse_dates=["date"]).sort_values("date")
df["lag_1"] = df["water_l"].shift(1)
df["y"] = ${label}
df = df.dropna()
CUTOFF = pd.Timestamp("2024-03-01")
${split}
test = df[df["date"] >= CUTOFF]
model = Ridge().fit(train[["lag_1"]], train["y"])
print(model.score(test[["lag_1"]], test["y"]))
`;
  it('pandas rolling(FixedForwardWindowIndexer(window_size=7)), cut at one date: reported', async () => {
    await check(
      pandas(
        'df["water_l"].rolling(pd.api.indexers.FixedForwardWindowIndexer(window_size=7)).sum()',
        'train = df[df["date"] < CUTOFF]  # <- leak-time-split',
      ),
    );
  });
  it('pandas s[::-1].rolling(7).sum()[::-1], cut at one date: reported', async () => {
    await check(
      pandas(
        'df["water_l"][::-1].rolling(7).sum()[::-1]',
        'train = df[df["date"] < CUTOFF]  # <- leak-time-split',
      ),
    );
  });
  it('a window of the last seven days up to the row, cut at one date (nothing)', async () => {
    await check(pandas('df["water_l"].rolling(7).sum()', 'train = df[df["date"] < CUTOFF]'));
  });
});

describe('a scatter correction against the mean spectrum, fitted by np.polyfit row by row', () => {
  const prog = (use: string) => `
import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.cross_decomposition import PLSRegression
from sklearn.model_selection import train_test_split

class MSC(BaseEstimator, TransformerMixin):
    def fit(self, X, y=None):
        self.reference_ = np.asarray(X).mean(axis=0)  # MARK
        return self

    def transform(self, X):
        X = np.asarray(X)
        out = np.empty_like(X, dtype=float)
        for i, row in enumerate(X):
            slope, intercept = np.polyfit(self.reference_, row, deg=1)
            out[i] = (row - intercept) / slope
        return out

spectra = np.load("nir_spectra.npy")
y = np.load("protein.npy")
${use}
model = PLSRegression(n_components=8).fit(X_train, y_train)
print(model.score(X_test, y_test))
`;
  it('fit_transform on every spectrum before the split: reported at the statistic', async () => {
    await check(
      prog(`X = MSC().fit_transform(spectra)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=8)`).replace(
        '# MARK',
        '# <- leak-preprocessing',
      ),
    );
  });
  it('fit on the calibration part, applied to both (nothing)', async () => {
    await check(
      prog(`S_train, S_test, y_train, y_test = train_test_split(spectra, y, test_size=0.25, random_state=8)
msc = MSC().fit(S_train)
X_train, X_test = msc.transform(S_train), msc.transform(S_test)`).replace('# MARK', ''),
    );
  });
  it('a line fitted to each row against a fixed grid learns nothing across rows (nothing)', async () => {
    await check(`
import numpy as np
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
curves = np.load("curves.npy")
y = np.load("y.npy")
grid = np.linspace(0, 1, curves.shape[1])
slopes = np.array([np.polyfit(grid, row, 1)[0] for row in curves])
X_train, X_test, y_train, y_test = train_test_split(slopes.reshape(-1, 1), y, random_state=0)
print(Ridge().fit(X_train, y_train).score(X_test, y_test))
`);
  });
});

describe("a fitted model's learnt attributes used by hand are statistics of its fit rows", () => {
  const prog = (mark: string, rest: string) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier
df = pd.read_csv("pet_policies.csv")

def age_cut_points(age, outcome):
    tree = DecisionTreeClassifier(max_leaf_nodes=6, random_state=0).fit(age.to_frame(), outcome)${mark}
    return np.sort(tree.tree_.threshold[tree.tree_.feature == 0])

${rest}
model = LogisticRegression().fit(X_train, y_train)
print(model.score(X_test, y_test))
`;
  it("age bands cut where a tree fitted on every policy's outcome splits: reported at the tree's fit", async () => {
    await check(
      prog(
        '  # <- leak-preprocessing',
        `edges = age_cut_points(df["age"], df["claimed"])
df["band"] = np.digitize(df["age"], edges)
X_train, X_test, y_train, y_test = train_test_split(df[["band", "premium"]], df["claimed"], random_state=0)`,
      ),
    );
  });
  it('the cut points learnt from the training part only (nothing)', async () => {
    await check(
      prog(
        '',
        `tr, te = train_test_split(df, random_state=0)
edges = age_cut_points(tr["age"], tr["claimed"])
X_train = np.c_[np.digitize(tr["age"], edges), tr["premium"]]
X_test = np.c_[np.digitize(te["age"], edges), te["premium"]]
y_train, y_test = tr["claimed"], te["claimed"]`,
      ),
    );
  });
});

describe('survival models: lifelines fitters and scikit-survival estimators, scored by concordance', () => {
  const prog = (choose: string, mark = '') => `
import pandas as pd
from lifelines import CoxPHFitter
from lifelines.utils import concordance_index
from sklearn.model_selection import train_test_split
lamps = pd.read_csv("stage_lamps.csv")
train, rest = train_test_split(lamps, test_size=0.4, random_state=11)
val, test = train_test_split(rest, test_size=0.5, random_state=11)

def c_index(model, frame):
    risk = model.predict_partial_hazard(frame)
    return concordance_index(frame["hours_on"], -risk, frame["burned_out"])${mark}

rows = []
for pen in [0.001, 0.01, 0.1, 1.0]:
    cph = CoxPHFitter(penalizer=pen)
    cph.fit(train, duration_col="hours_on", event_col="burned_out")
${choose}
best = max(rows, key=lambda r: r["c"])
final = CoxPHFitter(penalizer=best["pen"]).fit(train, duration_col="hours_on", event_col="burned_out")
print("test concordance", c_index(final, test))
`;
  it("the penalty chosen by the test lamps' concordance, then reported on them: reported", async () => {
    // (Reported where the score is taken, inside the helper.)
    await check(prog('    rows.append({"pen": pen, "c": c_index(cph, test)})', '  # <- leak-selection'));
  });
  it('the penalty chosen on a validation part, the test part scored once (nothing)', async () => {
    await check(prog('    rows.append({"pen": pen, "c": c_index(cph, val)})'));
  });
});

describe('an encoder whose categories are all written out learns nothing from its rows', () => {
  const prog = (encoder: string) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder
X = pd.read_csv("tumours.csv")
y = X.pop("recurred")
grade = ${encoder}.fit_transform(X[["grade"]])
X_train, X_test, y_train, y_test = train_test_split(np.column_stack([grade, X[["age"]]]), y, random_state=0)
print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))
`;
  it('OrdinalEncoder(categories=[["I", "II", "III"]]) before the split (nothing)', async () => {
    await check(prog('OrdinalEncoder(categories=[["I", "II", "III"]])'));
  });
  it('OneHotEncoder with the categories it finds, before the split: reported', async () => {
    await check(
      prog('OneHotEncoder()')
        .replace('grade = OneHotEncoder()', 'grade = OneHotEncoder()')
        .replace('.fit_transform(X[["grade"]])', '.fit_transform(X[["grade"]])  # <- leak-preprocessing'),
    );
  });
  it('categories written out but infrequent ones learnt (min_frequency): reported', async () => {
    await check(
      prog('OneHotEncoder(categories=[["I", "II", "III"]], min_frequency=20)').replace(
        '.fit_transform(X[["grade"]])',
        '.fit_transform(X[["grade"]])  # <- leak-preprocessing',
      ),
    );
  });
});

describe('a class of the program with fit and predict is a hand-written model', () => {
  const prog = (choose: string) => `
import numpy as np
import pandas as pd
ratings = pd.read_csv("audiobook_ratings.csv", parse_dates=["rated_at"])
train = ratings[ratings["rated_at"] < "2024-03-01"]
test = ratings[ratings["rated_at"] >= "2024-03-01"]
fit_part = train[train["rated_at"] < "2024-01-01"]
val_part = train[train["rated_at"] >= "2024-01-01"]

class MeanShrinkRecommender:
    def __init__(self, k):
        self.k = k

    def fit(self, frame):
        self.mu = frame["stars"].mean()
        g = frame.groupby("title_id")["stars"]
        self.bias = (g.sum() - g.count() * self.mu) / (g.count() + self.k)
        return self

    def predict(self, frame):
        return self.mu + frame["title_id"].map(self.bias).fillna(0.0).to_numpy()

def rmse(y, p):
    return float(np.sqrt(np.mean((np.asarray(y, dtype=float) - p) ** 2)))

scores = {}
for k in [1, 5, 20, 100]:
${choose}
best_k = min(scores, key=scores.get)
final = MeanShrinkRecommender(best_k).fit(train)
print("test rmse", rmse(test["stars"], final.predict(test)))
`;
  it('the shrinkage chosen by the test ratings, then reported on them: reported at the score', async () => {
    await check(
      prog(`    model = MeanShrinkRecommender(k).fit(train)
    scores[k] = rmse(test["stars"], model.predict(test))`).replace(
        '    return float(np.sqrt(np.mean((np.asarray(y, dtype=float) - p) ** 2)))',
        '    return float(np.sqrt(np.mean((np.asarray(y, dtype=float) - p) ** 2)))  # <- leak-selection',
      ),
    );
  });
  it('the shrinkage chosen on the last months of the training period (nothing)', async () => {
    await check(
      prog(`    model = MeanShrinkRecommender(k).fit(fit_part)
    scores[k] = rmse(val_part["stars"], model.predict(val_part))`),
    );
  });
});
