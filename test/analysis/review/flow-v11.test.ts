/**
 * The fourteenth round of data-flow capabilities (issue 16; held-out v14's false findings and misses, tuning data
 * since its report; v15 frozen first): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('ds.map(…, remove_columns=cols) with cols read from the training part', () => {
  it('the names of the columns are no rows: the parts stay apart (nothing)', async () => {
    await check(`
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments
raw = load_dataset("json", data_files={"data": "abstracts.jsonl"})["data"]
splits = raw.train_test_split(test_size=0.15, seed=0)
tok = AutoTokenizer.from_pretrained("distilbert-base-uncased")

def tokenize(batch):
    return tok(batch["abstract"], truncation=True)

cols = splits["train"].column_names
train_ds = splits["train"].map(tokenize, batched=True, remove_columns=cols)
test_ds = splits["test"].map(tokenize, batched=True, remove_columns=cols)
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=5)
trainer = Trainer(model=model, args=TrainingArguments(output_dir="out"), train_dataset=train_ds)
trainer.train()
print(trainer.evaluate(test_ds))
`);
  });
});

describe('a table of one row per donor, made by groupby("donor_id").agg', () => {
  const prog = (table: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
donations = pd.read_parquet("donations.parquet")  # donor_id, date, volume_ml
${table}
train, test = train_test_split(table, test_size=0.25, random_state=1)${mark}
clf = LogisticRegression().fit(train[["n", "volume"]], train["returned"])  # <- leak-target
print(clf.score(test[["n", "volume"]], test["returned"]))
`;
  // (The label is summarised in the same agg() as the features, over the same donations: leak-target, see
  // flow-v28's same-reduction case. The overlap expectations are what these cases are about.)
  it('split at random: each donor on one side (no overlap)', async () => {
    await check(
      prog(
        `table = donations.groupby("donor_id").agg(n=("date", "size"), volume=("volume_ml", "sum"), returned=("late", "max"))`,
      ),
    );
  });

  it('one row per donor and month, split at random: rows of a donor on both sides (reported)', async () => {
    await check(
      prog(
        `table = donations.groupby(["donor_id", "month"]).agg(n=("date", "size"), volume=("volume_ml", "sum"), returned=("late", "max"))`,
        '  # <- leak-overlap',
      ),
    );
  });
});

describe('the columns a comment on the loading line lists', () => {
  const prog = (split: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupShuffleSplit, train_test_split
meta = pd.read_csv("images.csv")  # image_id, patient_id, lesion_id, age, diagnosis
X, y = meta[["age"]], meta["diagnosis"]
${split}${mark}
clf = RandomForestClassifier().fit(X_tr, y_tr)
print(clf.score(X_te, y_te))
`;
  it('several images per patient split by image: reported', async () => {
    await check(
      prog(
        'X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)',
        '  # <- leak-overlap',
      ),
    );
  });

  it('split by patient: nothing', async () => {
    await check(
      prog(`tr, te = next(GroupShuffleSplit(test_size=0.2, random_state=0).split(X, y, groups=meta["patient_id"]))
X_tr, X_te, y_tr, y_te = X.iloc[tr], X.iloc[te], y.iloc[tr], y.iloc[te]`),
    );
  });
});

describe('Polars: rows split by a random mask of the frame (pl.Series of rng.random(df.height) < f)', () => {
  const prog = (mask: string, mark = '') => `
import numpy as np
import polars as pl
import statsmodels.formula.api as smf
df = pl.read_parquet("weighings.parquet").join(pl.read_csv("animals.csv"), on="animal_id")
rng = np.random.default_rng(0)
${mask}
train, test = df.filter(~is_test), df.filter(is_test)${mark}
fit = smf.ols("weight ~ girth + length", data=train.to_pandas()).fit()
print(fit.predict(test.to_pandas()), test["animal_id"].n_unique())
`;
  it('repeated weighings of an animal split by row: reported', async () => {
    await check(prog('is_test = pl.Series("is_test", rng.random(df.height) < 0.2)', '  # <- leak-overlap'));
  });

  it('split by animal: nothing', async () => {
    await check(
      prog(`test_ids = df.get_column("animal_id").unique().sample(fraction=0.2, seed=0)
is_test = pl.col("animal_id").is_in(test_ids.to_list())`),
    );
  });
});

describe('features built into pd.DataFrame(index=df.index), and a selection joined with dummies', () => {
  it('a tier of the target computed into the new frame: reported', async () => {
    await check(`
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
movies = pd.read_csv("movies.csv")
train, test = movies[movies["year"] <= 2016], movies[movies["year"] > 2016]

def features(df):
    out = pd.DataFrame(index=df.index)
    out["log_budget"] = np.log1p(df["budget"])
    out["gross_tier"] = np.digitize(np.log1p(df["gross"]), [1, 2, 3])
    return out

model = Ridge().fit(features(train), np.log1p(train["gross"]))  # <- leak-target
print(model.score(features(test), np.log1p(test["gross"])))
`);
  });

  it('the budget only: nothing', async () => {
    await check(`
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
movies = pd.read_csv("movies.csv")
train, test = movies[movies["year"] <= 2016], movies[movies["year"] > 2016]

def features(df):
    out = pd.DataFrame(index=df.index)
    out["log_budget"] = np.log1p(df["budget"])
    return out

model = Ridge().fit(features(train), np.log1p(train["gross"]))
print(model.score(features(test), np.log1p(test["gross"])))
`);
  });

  const rain = (window: string, mark = '') => `
import pandas as pd
import statsmodels.api as sm
df = pd.read_csv("obs.csv", parse_dates=["date"]).sort_values(["station", "date"])
df["rain_3d"] = df.groupby("station")["rain_mm"].transform(lambda s: ${window})
X = df[["humidity", "rain_3d"]].copy()
X = X.join(pd.get_dummies(df["station"], drop_first=True, dtype=float))
train, test = df["date"].dt.year < 2016, df["date"].dt.year == 2016
glm = sm.GLM(df.loc[train, "rain_mm"], sm.add_constant(X[train])).fit()${mark}
print(glm.predict(sm.add_constant(X[test])))
`;
  it('a rolling mean of the rain including the day, kept through join and add_constant: reported', async () => {
    await check(rain('s.rolling(3, min_periods=1).mean()', '  # <- leak-target'));
  });

  it('shifted first: nothing', async () => {
    await check(rain('s.shift(1).rolling(3, min_periods=1).mean()'));
  });
});

describe('X = df.iloc[:, :-1] beside y = df.iloc[:, k] (the width unknown)', () => {
  const prog = (y: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("salary.csv")
X = df.iloc[:, :-1].values
y = df.iloc[:, ${y}].values
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
reg = LinearRegression().fit(X_tr, y_tr)${mark}
print(reg.score(X_te, y_te))
`;
  it('y the last column by a positive index (often so): nothing', async () => {
    await check(prog('1'));
  });

  it('y the last column by -1: nothing', async () => {
    await check(prog('-1'));
  });

  it('y a column inside the features by a negative index: reported', async () => {
    await check(prog('-2', '  # <- leak-target'));
  });
});

describe('features kept by [f for f, keep in zip(FEATURES, selector.get_support()) if keep]', () => {
  const prog = (fit: string, mark = '') => `
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
FEATURES = ["price", "capacity", "weekend", "spend"]
df = pd.read_csv("concerts.csv")
is_test = df["season"] == "2023-24"
train, test = df[~is_test & (df["season"] < "2023-24")], df[is_test]
selector = SelectKBest(f_classif, k=2)
selector.fit(${fit})${mark}
kept = [f for f, keep in zip(FEATURES, selector.get_support()) if keep]
model = LogisticRegression().fit(train[kept], train["sold_out"])
print(model.score(test[kept], test["sold_out"]))
`;
  it('the selector fit on every season (the test season included): reported', async () => {
    await check(prog('df[FEATURES], df["sold_out"]', '  # <- leak-preprocessing'));
  });

  it('fit on the earlier seasons: nothing (the kept names are features, not the whole frame)', async () => {
    await check(prog('train[FEATURES], train["sold_out"]'));
  });
});

describe('a container’s dwell and the storage fee billed at gate-out', () => {
  const prog = (cols: string, mark = '') => `
import pandas as pd
from catboost import CatBoostRegressor
df = pd.read_csv("moves.csv", parse_dates=["discharge_time", "gate_out_time"])
df["dwell_days"] = (df["gate_out_time"] - df["discharge_time"]).dt.total_seconds() / 86400
COLS = [${cols}]
train, test = df[df["discharge_time"] < "2024-01-01"], df[df["discharge_time"] >= "2024-01-01"]
model = CatBoostRegressor(verbose=0).fit(train[COLS], train["dwell_days"])${mark}
print(model.score(test[COLS], test["dwell_days"]))
`;
  it('the storage fee among the features: reported', async () => {
    await check(prog('"teu", "reefer", "storage_fee_usd"', '  # <- leak-target'));
  });

  it('known at discharge only: nothing', async () => {
    await check(prog('"teu", "reefer"'));
  });
});

describe('Polars statistics of ten columns, by comprehensions in helpers', () => {
  const prog = (body: string, mark = '') => `
import polars as pl
from sklearn.linear_model import Ridge
NUMERIC = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"]

def column_stats(frame):
    return frame.select([pl.col(c).mean().alias(f"{c}_mean") for c in NUMERIC]).row(0, named=True)${mark}

def centred(stats):
    return [(pl.col(c) - stats[f"{c}_mean"]).alias(c) for c in NUMERIC]

df = pl.read_parquet("batches.parquet").sample(fraction=1.0, shuffle=True, seed=8)
n = int(0.2 * df.height)
${body}
model = Ridge().fit(train.select(NUMERIC).to_numpy(), train.get_column("weight").to_numpy())
print(model.score(test.select(NUMERIC).to_numpy(), test.get_column("weight").to_numpy()))
`;
  it('means of every batch, then the cut: reported', async () => {
    await check(
      prog(
        `df = df.with_columns(centred(column_stats(df)))
test, train = df.head(n), df.tail(df.height - n)`,
        '  # <- leak-preprocessing',
      ),
    );
  });

  it('the cut first, the training part’s means: nothing', async () => {
    await check(
      prog(`test, train = df.head(n), df.tail(df.height - n)
stats = column_stats(train)
train, test = train.with_columns(centred(stats)), test.with_columns(centred(stats))`),
    );
  });
});

describe('a centred rolling window beside a label of the next hour', () => {
  const prog = (window: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("load.csv", parse_dates=["t"]).set_index("t")
df["next_load"] = df["load"].shift(-1)
df["load_smooth"] = df["load"].${window}.mean()
df = df.dropna()
train, test = df[df.index < "2024-01-01"], df[df.index >= "2024-01-01"]
m = Ridge().fit(train[["temp", "load_smooth"]], train["next_load"])${mark}
print(m.score(test[["temp", "load_smooth"]], test["next_load"]))
`;
  it('rolling(24, center=True) reaches 12 hours ahead, past the label’s hour: reported', async () => {
    await check(prog('rolling(24, center=True)', '  # <- leak-target'));
  });

  it('a trailing window: nothing', async () => {
    await check(prog('rolling(24)'));
  });
});
