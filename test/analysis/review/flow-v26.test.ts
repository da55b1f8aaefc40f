/**
 * The twenty-ninth round of data-flow capabilities (issue 16; held-out v29's failures, tuning data since its report;
 * v30 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe("TimeSeriesSplit's folds and a label of the next hours: the gap must cover the horizon", () => {
  const prog = (splitter: string, mark = '') => `
import polars as pl
from sklearn.linear_model import Ridge
from sklearn.model_selection import TimeSeriesSplit
HORIZON = 6
df = pl.read_csv("taxi_rank_hourly.csv", try_parse_dates=True).sort("hour")
df = df.with_columns(
    pl.col("pickups").shift(1).alias("lag_1"),
    pl.col("pickups").reverse().rolling_sum(HORIZON).reverse().shift(-1).alias("target"),
).drop_nulls()
X = df.select(["lag_1"]).to_numpy()
y = df.get_column("target").to_numpy()
tscv = ${splitter}
for tr, te in tscv.split(X):${mark}
    model = Ridge().fit(X[tr], y[tr])
    print(model.score(X[te], y[te]))
`;
  it('no gap: reported at the split', async () => {
    await check(prog('TimeSeriesSplit(n_splits=5, test_size=24 * 28)', '  # <- leak-time-split'));
  });
  it('gap=HORIZON (nothing)', async () => {
    await check(prog('TimeSeriesSplit(n_splits=5, test_size=24 * 28, gap=HORIZON)'));
  });
  it('a gap not known as a number counts as wide enough (nothing)', async () => {
    await check(prog('TimeSeriesSplit(n_splits=5, gap=int(cfg.gap))'));
  });
});

describe('Polars: get_column is the column, select of joined name lists those columns', () => {
  it('the label taken by get_column beside features selected by NUMERIC + FLAGS (nothing)', async () => {
    await check(`
import polars as pl
from sklearn.linear_model import Ridge
NUMERIC = ["floor_area", "occupants"]
FLAGS = ["has_heat_pump"]
survey = pl.read_csv("household_energy.csv")
n_test = survey.height // 5
test = survey.head(n_test)
train = survey.tail(survey.height - n_test)
model = Ridge().fit(train.select(NUMERIC + FLAGS).to_numpy(), train.get_column("annual_kwh").to_numpy())
print(model.score(test.select(NUMERIC + FLAGS).to_numpy(), test.get_column("annual_kwh").to_numpy()))
`);
  });
  it('the label among the columns selected: reported', async () => {
    await check(`
import polars as pl
from sklearn.linear_model import Ridge
NUMERIC = ["floor_area", "occupants", "annual_kwh"]
FLAGS = ["has_heat_pump"]
survey = pl.read_csv("household_energy.csv")
n_test = survey.height // 5
test = survey.head(n_test)
train = survey.tail(survey.height - n_test)
model = Ridge().fit(train.select(NUMERIC + FLAGS).to_numpy(), train.get_column("annual_kwh").to_numpy())  # <- leak-target
print(model.score(test.select(NUMERIC + FLAGS).to_numpy(), test.get_column("annual_kwh").to_numpy()))
`);
  });
});

describe('a cut point read from the data at a position is a constant to the masks', () => {
  const prog = (cut: string, mark = '') => `
import polars as pl
from sklearn.metrics import balanced_accuracy_score
from sklearn.neighbors import KNeighborsClassifier
tiles = pl.read_csv("tile_runs.csv", try_parse_dates=True)
run_dates = tiles.get_column("run_date").unique().sort()
cutoff = ${cut}
train = tiles.filter(pl.col("run_date") < cutoff)
test = tiles.filter(pl.col("run_date") >= cutoff)
F = ["L", "a", "b"]
best, best_s = None, -1.0
for k in [3, 5, 9, 15]:
    m = KNeighborsClassifier(n_neighbors=k).fit(train.select(F).to_numpy(), train.get_column("shade").to_numpy())
    s = balanced_accuracy_score(test.get_column("shade").to_numpy(), m.predict(test.select(F).to_numpy()))${mark}
    if s > best_s:
        best, best_s = m, s
print("test balanced accuracy", best_s)
`;
  it('the date at 80% of the runs: the test part chooses k and is reported, as with a date written out', async () => {
    await check(prog('run_dates[int(len(run_dates) * 0.8)]', '  # <- leak-selection'));
    await check(prog('run_dates[-20]', '  # <- leak-selection'));
  });
});

describe('a comparison written as a method (.eq, .ge, …) is a mask', () => {
  const prog = (fit: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import KBinsDiscretizer
hist = pd.read_csv("licences_2019_2022.csv").assign(part="train")
hold = pd.read_csv("licences_2023.csv").assign(part="test")
full = pd.concat([hist, hold], ignore_index=True)
is_train = full["part"].eq("train")
${fit}
model = LogisticRegression().fit(X[is_train], full.loc[is_train, "renewed"])
print(model.score(X[~is_train], full.loc[~is_train, "renewed"]))
`;
  it('bins learnt from both files before the parts are taken apart by .eq("train"): reported', async () => {
    await check(
      prog(
        'X = KBinsDiscretizer(n_bins=5, encode="ordinal").fit_transform(full[["dog_age"]])  # <- leak-preprocessing',
      ),
    );
  });
  it('bins learnt from the training rows only (nothing)', async () => {
    await check(
      prog(`kb = KBinsDiscretizer(n_bins=5, encode="ordinal").fit(full.loc[is_train, ["dog_age"]])
X = kb.transform(full[["dog_age"]])`),
    );
  });
});

describe("a log cut at each row's date by two comparisons joined with & is still cut", () => {
  const prog = (cut: string, extra = '', feats = '"n_reminders"', mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
fills = pd.read_csv("fills.csv", parse_dates=["fill_date", "start_date", "end_date"])
sms = pd.read_csv("messaging_log.csv", parse_dates=["sent_at"])
fills["abandoned"] = fills["pickup_date"].isna().astype(int)
sms = sms.merge(fills[["rx_id", "fill_date"]], on="rx_id")
${cut}
counts = sms.groupby("rx_id").agg(n_reminders=("msg_id", "count")).reset_index()
df = fills.merge(counts, on="rx_id", how="left")
${extra}
FEATS = ["copay", ${feats}]
train = df[df["fill_date"] < "2024-06-01"]
test = df[df["fill_date"] >= "2024-07-01"]
model = LogisticRegression().fit(train[FEATS], train["abandoned"])${mark}
print(model.score(test[FEATS], test["abandoned"]))
`;
  it('reminders counted over all time: reported', async () => {
    await check(prog('', '', '"n_reminders"', '  # <- leak-target'));
  });
  it('reminders in the 90 days before the fill, two comparisons joined by & (nothing)', async () => {
    await check(
      prog(
        'sms = sms[(sms["sent_at"] < sms["fill_date"]) & (sms["sent_at"] >= sms["fill_date"] - pd.Timedelta(days=90))]',
      ),
    );
  });
  it("a duration to the row's own end beside that cut log is still judged on its own: reported", async () => {
    await check(
      prog(
        'sms = sms[sms["sent_at"] < sms["fill_date"]]',
        'df["days_on_plan"] = (df["end_date"] - df["start_date"]).dt.days',
        '"n_reminders", "days_on_plan"',
        '  # <- leak-target',
      ),
    );
  });
});
