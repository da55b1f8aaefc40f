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

describe('a point read off the test ROC curve with its thresholds dropped is a metric, not a chosen threshold', () => {
  const prog = (curve: string, last: string) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_curve, f1_score
from sklearn.model_selection import train_test_split
calls = pd.read_csv("speaker_trials.csv")
X_tr, X_te, y_tr, y_te = train_test_split(calls[["cos_sim", "snr_db"]], calls["same_speaker"], random_state=3)
clf = LogisticRegression().fit(X_tr, y_tr)
score = clf.predict_proba(X_te)[:, 1]
${curve}
k = np.argmin(np.abs((1 - tpr) - fpr))
${last}
`;
  it('the equal-error rate, thresholds discarded, then a fixed 0.5 (nothing)', async () => {
    await check(
      prog(
        'fpr, tpr, _ = roc_curve(y_te, score)',
        'print((fpr[k] + 1 - tpr[k]) / 2, f1_score(y_te, score > 0.5))',
      ),
    );
  });
  it('the threshold at that point kept and the model scored with it: reported', async () => {
    await check(
      prog(
        'fpr, tpr, thr = roc_curve(y_te, score)  # <- leak-selection',
        'print(f1_score(y_te, score >= thr[k]))',
      ),
    );
  });
});

describe('a table of results with a column of models: the row picked gives its model back', () => {
  const prog = (scoredOn: string, mark = '') => `
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeRegressor
hives = pd.read_csv("hive_scales.csv")
X, y = hives[["temp_c", "humidity", "hour"]], hives["weight_gain_g"]
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_dev, y_dev, test_size=0.25, random_state=1)
rows = []
for depth in [3, 5, 8, 12]:
    tree = DecisionTreeRegressor(max_depth=depth, random_state=0).fit(X_fit, y_fit)
    rows.append({"depth": depth, "mae": mean_absolute_error(${scoredOn}, tree.predict(${scoredOn.replace('y_', 'X_')})), "tree": tree})${mark}
table = pd.DataFrame(rows).sort_values("mae")
best = table.iloc[0]["tree"]
print(mean_absolute_error(y_test, best.predict(X_test)))
`;
  it('chosen on the validation part, the chosen tree scored once on the test part (nothing)', async () => {
    await check(prog('y_val'));
  });
  it('chosen on the test part: reported', async () => {
    await check(prog('y_test', '  # <- leak-selection'));
  });
});

describe('a checkpoint file named by a variable: loading it gives the model back', () => {
  it('checkpointed on the validation season, the reloaded model scored once on the test season (nothing)', async () => {
    await check(`
import pandas as pd
from tensorflow import keras
from sklearn.metrics import roc_auc_score
games = pd.read_parquet("darts_legs.parquet")
FEATS = ["avg_3_dart", "checkout_pct", "legs_won_prev"]
fit, val, test = games[games.season < 2022], games[games.season == 2022], games[games.season == 2023]
net = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
net.compile(optimizer="adam", loss="binary_crossentropy")
best_path = "ckpt/darts.keras"
cbs = [keras.callbacks.ModelCheckpoint(best_path, monitor="val_loss", save_best_only=True),
       keras.callbacks.EarlyStopping(monitor="val_loss", patience=5)]
hist = net.fit(fit[FEATS].to_numpy(), fit["won"].to_numpy(), validation_data=(val[FEATS].to_numpy(), val["won"].to_numpy()), epochs=50, callbacks=cbs)
final = keras.models.load_model(best_path)
print("epochs run:", len(hist.history["loss"]))
print(roc_auc_score(test["won"], final.predict(test[FEATS].to_numpy()).ravel()))
`);
  });
});

describe('a statistic of the training part, a validation part carved from it for a sweep, one test score', () => {
  const prog = (fitOn: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
kilns = pd.read_csv("brick_kiln_batches.csv")
X = kilns[["fuel_t", "clay_moisture", "firing_h"]].to_numpy()
y = kilns["crush_strength"].to_numpy()
med = np.nanmedian(${fitOn}, axis=0)${mark}
X = np.where(np.isnan(X), med, X)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=4)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=5)
errs = {a: mean_absolute_error(y_val, Ridge(alpha=a).fit(X_fit, y_fit).predict(X_val)) for a in [0.1, 1.0, 10.0]}
alpha = min(errs, key=errs.get)
final = Ridge(alpha=alpha).fit(X_train, y_train)
print(mean_absolute_error(y_test, final.predict(X_test)))
`;
  it('the median of all rows, before the first split: reported', async () => {
    await check(prog('X', '  # <- leak-preprocessing'));
  });
});

describe('two parts cut at one date on two columns of each row', () => {
  const prog = (trainCol: string, testCol: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
CUT = pd.Timestamp("2024-03-01")
rentals = pd.read_csv("kayak_rentals.csv", parse_dates=["reserved_at", "paddle_at"])
rentals["lead_h"] = (rentals["paddle_at"] - rentals["reserved_at"]).dt.total_seconds() / 3600
FEATS = ["lead_h", "party_size", "wind_kn"]
train = rentals[rentals["${trainCol}"] < CUT]
test = rentals[rentals["${testCol}"] >= CUT]${mark}
gb = GradientBoostingClassifier().fit(train[FEATS], train["cancelled"])
print(roc_auc_score(test["cancelled"], gb.predict_proba(test[FEATS])[:, 1]))
`;
  it('training by when it was reserved, test by when it is paddled: reported', async () => {
    await check(prog('reserved_at', 'paddle_at', '  # <- leak-overlap'));
  });
  it('both by when it is paddled (nothing)', async () => {
    await check(prog('paddle_at', 'paddle_at'));
  });
  it('training by the later column, test by the earlier: disjoint (nothing)', async () => {
    await check(prog('paddle_at', 'reserved_at'));
  });
  it('a statistic of all rows before such a cut: reported', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import Ridge
CUT = pd.Timestamp("2024-02-19")
co2 = pd.read_csv("seminar_room_co2.csv", parse_dates=["ts"])
co2["ts_next"] = co2["ts"] + pd.Timedelta(hours=1)
co2["how"] = co2["ts"].dt.dayofweek * 24 + co2["ts"].dt.hour
co2["how_mean"] = co2.groupby("how")["ppm"].transform("mean")  # <- leak-preprocessing
train = co2[co2["ts_next"] < CUT]
test = co2[co2["ts"] >= CUT]
ridge = Ridge().fit(train[["how_mean", "occupants"]], train["ppm_next"])
print(ridge.score(test[["how_mean", "occupants"]], test["ppm_next"]))
`);
  });
});
