/**
 * The eighteenth round of data-flow capabilities (issue 16; held-out v18's failures, tuning data since its report; v19
 * frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and programs
 * that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a table named like parts (cycles, windows) split in time order by a date', () => {
  const prog = (split: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
cycles = pd.read_csv("dishwasher_cycles.csv", parse_dates=["date"]).sort_values(["machine_id", "date"])
cycles = cycles[cycles["machine_id"] != "demo"]
cols = ["load_kg", "temp_c", "rinse_ml"]
${split}${mark}
print(RandomForestRegressor().fit(train[cols], train["kwh"]).score(test[cols], test["kwh"]))
`;
  it('split by date: each machine keeps its past in training (nothing)', async () => {
    await check(
      prog('train, test = cycles[cycles["date"] < "2024-01-01"], cycles[cycles["date"] >= "2024-01-01"]'),
    );
  });
  it('split at random: cycles of one machine on both sides, reported', async () => {
    await check(prog('train, test = train_test_split(cycles, random_state=0)', '  # <- leak-overlap'));
  });
});

describe('columns kept by a zip over names the program computed: [c for c, w in zip(bands, wl) if lo <= w <= hi]', () => {
  const prog = (keep: string) => `
import numpy as np
import pandas as pd
from sklearn.svm import SVC
from sklearn.model_selection import train_test_split
df = pd.read_parquet("nir_scans.parquet")
bands = [c for c in df.columns if c.startswith("nm_")]
wl = np.array([float(c[3:]) for c in bands])
keep = ${keep}
X_tr, X_te, y_tr, y_te = train_test_split(df[keep].to_numpy(), df["resin"].to_numpy(), random_state=0)
print(SVC().fit(X_tr, y_tr).score(X_te, y_te))
`;
  it('some of the nm_ bands: the label is not among them (nothing)', async () => {
    await check(prog('[c for c, w in zip(bands, wl) if 1000 <= w <= 1650]'));
  });
});

describe('clone(search.best_estimator_).fit(X, y) on every row, then scored on the test part', () => {
  const prog = (fit: string, mark = '') => `
import pandas as pd
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.neighbors import KNeighborsClassifier
df = pd.read_csv("seed_lots.csv")
X, y = df[["mass_g", "moisture", "purity"]], df["germinates"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
search = GridSearchCV(KNeighborsClassifier(), {"n_neighbors": [3, 5, 9]}, cv=5).fit(X_tr, y_tr)
final = clone(search.best_estimator_).fit(${fit})${mark}
print(final.score(X_te, y_te))
`;
  it('refit on every row: reported', async () => {
    await check(prog('X, y', '  # <- leak-overlap'));
  });
  it('refit on the training part (nothing)', async () => {
    await check(prog('X_tr, y_tr'));
  });
});

describe('a Nystroem kernel map fit on every sample before the split', () => {
  const prog = (fitOn: string, mark = '') => `
import pandas as pd
from sklearn.kernel_approximation import Nystroem
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split
beans = pd.read_csv("coffee_cupping.csv")
X, y = beans[["acidity", "body", "moisture"]].to_numpy(), beans["specialty"].to_numpy()
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
fmap = Nystroem(gamma=0.2, n_components=100, random_state=0).fit(${fitOn})${mark}
clf = SGDClassifier().fit(fmap.transform(X_tr), y_tr)
print(clf.score(fmap.transform(X_te), y_te))
`;
  it('fit on every sample: reported', async () => {
    await check(prog('X', '  # <- leak-preprocessing'));
  });
  it('fit on the training part (nothing)', async () => {
    await check(prog('X_tr'));
  });
});

describe('what follows a grade or a hire', () => {
  const prog = (label: string, extra: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("records.csv")
cols = ["width_cm", "picks_per_cm"${extra}]
X_tr, X_te, y_tr, y_te = train_test_split(df[cols], df["${label}"], random_state=0)
clf = RandomForestClassifier().fit(X_tr, y_tr)${mark}
print(clf.score(X_te, y_te))
`;
  it("minutes spent mending beside a roll's grade: reported", async () => {
    await check(prog('grade', ', "mending_minutes"', '  # <- leak-target'));
  });
  it('a background check beside a hire: reported', async () => {
    await check(prog('hired', ', "background_check_vendor"', '  # <- leak-target'));
  });
  it('the loom speed is known before the grade (nothing)', async () => {
    await check(prog('grade', ', "loom_rpm"'));
  });
});

describe('an event window on a constant snapshot: ts > SNAPSHOT - LOOKBACK', () => {
  const prog = (window: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
SNAPSHOT = pd.Timestamp("2024-05-01")
LOOKBACK = pd.Timedelta(days=60)
plays = pd.read_csv("game_sessions.csv", parse_dates=["ts"])
users = pd.read_csv("players.csv")
later = plays[plays["ts"] > SNAPSHOT]
users["churned"] = (~users["player_id"].isin(later["player_id"])).astype(int)
recent = plays[${window}]${mark}
counts = recent.groupby("player_id").size().rename("sessions_60d")
users = users.join(counts, on="player_id").fillna({"sessions_60d": 0})
print(LogisticRegression().fit(users[["sessions_60d", "age"]], users["churned"]).score(users[["sessions_60d", "age"]], users["churned"]))
`;
  it('no upper bound: the sessions after the snapshot are counted, reported', async () => {
    await check(prog('plays["ts"] > SNAPSHOT - LOOKBACK', '  # <- leak-target'));
  });
  it('bounded by the snapshot (nothing)', async () => {
    await check(prog('(plays["ts"] > SNAPSHOT - LOOKBACK) & (plays["ts"] <= SNAPSHOT)'));
  });
});
