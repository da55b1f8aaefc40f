/**
 * The nineteenth round of data-flow capabilities (issue 16; held-out v19's failures, tuning data since its report; v20
 * frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and programs
 * that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { reviewSources } from '../../../src/analysis/review/index.js';

async function check(source: string, path = 'prog.py'): Promise<void> {
  const text = source.replace(/^\n/, '');
  const expected = text
    .split('\n')
    .flatMap((l, i) => [...l.matchAll(/# <- (leak-[a-z-]+)/g)].map((m) => `${m[1]}@${i + 1}`));
  const r = await reviewSources([{ path, text }], { families: ['leakage'] });
  expect(r.problems).toEqual([]);
  const got = r.findings.map((f) => `${f.ruleId}@${f.location.line}`);
  expect(got.sort()).toEqual(expected.sort());
}

describe('attributes of each entity by group: its start, its first reading, its number of rows', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split
visits = pd.read_csv("gym_visits.csv", parse_dates=["checked_in_at"])
g = visits.groupby("member_id")
visits["f"] = ${feature}${mark}
cols = ["f", "minutes", "classes"]
tr, te = train_test_split(visits, test_size=0.2, random_state=0)
print(HistGradientBoostingClassifier().fit(tr[cols], tr["renewed"]).score(te[cols], te["renewed"]))
`;
  it("days since the member's first visit (min of a date) is no learnt statistic (nothing)", async () => {
    await check(prog('(visits["checked_in_at"] - g["checked_in_at"].transform("min")).dt.days'));
  });
  it('the difference from the member\'s first reading (transform("first")) (nothing)', async () => {
    await check(prog('visits["minutes"] - g["minutes"].transform("first")'));
  });
  it('the number of visits of the member (transform("size") by an id) (nothing)', async () => {
    await check(prog('g["minutes"].transform("size")'));
  });
  it('the mean minutes of every member, test rows included, is still reported', async () => {
    await check(prog('g["minutes"].transform("mean")', '  # <- leak-preprocessing'));
  });
  it('a count per category over the whole file (a frequency encoding) is still reported', async () => {
    await check(prog('visits.groupby("club")["club"].transform("count")', '  # <- leak-preprocessing'));
  });
});

describe('transform("cumsum") is the group method by that name, and cumsum() - own value is the earlier rows', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
bouts = pd.read_csv("bouts.csv").sort_values(["fencer_id", "bout_time"])
g = bouts.groupby("fencer_id")
bouts["wins_so_far"] = ${feature}
cols = ["wins_so_far", "rank"]
train, test = bouts[bouts["season"] < 2024], bouts[bouts["season"] >= 2024]
print(LogisticRegression().fit(train[cols], train["won"]).score(test[cols], test["won"]))${mark}
`;
  it('the wins before this bout (nothing)', async () => {
    await check(prog('g["won"].cumsum() - bouts["won"]'));
  });
  it('the wins including this bout, reported', async () => {
    await check(prog('g["won"].cumsum()', '  # <- leak-target'));
  });
  it('the same through transform("cumsum"), reported', async () => {
    await check(prog('g["won"].transform("cumsum")', '  # <- leak-target'));
  });
});

describe('daily counts and sums of the label per driver, accumulated over earlier days only', () => {
  const prog = (acc: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit
df = pd.read_csv("deliveries.csv", parse_dates=["dispatched_at"])
df["day"] = df["dispatched_at"].dt.normalize()
daily = df.groupby(["driver_id", "day"]).agg(runs=("late", "size"), lates=("late", "sum")).reset_index()
gd = daily.groupby("driver_id")
daily["prior_lates"] = ${acc}
df = df.merge(daily[["driver_id", "day", "prior_lates"]], on=["driver_id", "day"], how="left")
cols = ["prior_lates", "distance_km"]
tr_idx, te_idx = next(GroupShuffleSplit(test_size=0.2, random_state=0).split(df, groups=df["driver_id"]))
train, test = df.iloc[tr_idx], df.iloc[te_idx]
print(LogisticRegression().fit(train[cols], train["late"]).score(test[cols], test["late"]))${mark}
`;
  it("cumsum() - the day's own lates (nothing; the row count is no statistic of the label)", async () => {
    await check(prog('gd["lates"].cumsum() - daily["lates"]'));
  });
  it("cumsum() with the day's own lates, reported", async () => {
    await check(prog('gd["lates"].cumsum()', '  # <- leak-target'));
  });
});

describe('a side\'s columns (left_birth_date beside the label left_won) are not a consequence of the event "left"', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
bouts = pd.read_csv("bouts_wide.csv", parse_dates=["left_birth_date", "right_birth_date"])
bouts["f"] = ${feature}
tr, te = train_test_split(bouts, test_size=0.2, random_state=0)
print(LogisticRegression().fit(tr[["f", "rank_diff"]], tr["left_won"]).score(te[["f", "rank_diff"]], te["left_won"]))${mark}
`;
  it('the age difference of the two fencers (nothing)', async () => {
    await check(prog('(bouts["right_birth_date"] - bouts["left_birth_date"]).dt.days'));
  });
});

describe('copies of rows split by a group that both copies carry', () => {
  const prog = (split: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit, train_test_split
m = pd.read_csv("matches.csv")
home = m.rename(columns={"home_elo": "elo", "away_elo": "opp_elo"}).assign(won=m["home_won"])
away = m.rename(columns={"away_elo": "elo", "home_elo": "opp_elo"}).assign(won=1 - m["home_won"])
rows = pd.concat([home, away], ignore_index=True)${mark}
${split}
print(LogisticRegression().fit(train[["elo", "opp_elo"]], train["won"]).score(test[["elo", "opp_elo"]], test["won"]))
`;
  it('both views of a match kept together by a split grouped by match (nothing)', async () => {
    await check(
      prog(
        'tr, te = next(GroupShuffleSplit(test_size=0.2, random_state=0).split(rows, groups=rows["match_id"]))\ntrain, test = rows.iloc[tr], rows.iloc[te]',
      ),
    );
  });
  it('split at random, reported', async () => {
    await check(
      prog('train, test = train_test_split(rows, test_size=0.2, random_state=0)', '  # <- leak-overlap'),
    );
  });
});

describe('random draws sized like the rows carry none of their values', () => {
  const prog = `
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
X, y = np.load("x.npy"), np.load("y.npy")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
rng = np.random.default_rng(0)
extra = []
for cls in range(3):
    pick = rng.choice(np.flatnonzero(y_tr == cls), size=20, replace=True)
    turns = rng.integers(1, 4, size=len(pick))
    extra.append(np.stack([np.rot90(X_tr[i], k=t) for i, t in zip(pick, turns)]))
print(LogisticRegression().fit(np.concatenate([X_tr, *extra]), y_tr).score(X_te, y_te))
`;
  it('rotations of rows picked by class, on the training part (nothing)', async () => {
    await check(prog);
  });
});

describe('training and test periods set by constants whose ranges intersect', () => {
  const prog = (trainEnd: string, testStart: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
CONFIG = {"train_start": "2019-10-01", "train_end": "${trainEnd}", "test_start": "${testStart}", "test_end": "2024-03-31"}
df = pd.read_csv("washes.csv", parse_dates=["date"])
def window(frame, start, end):
    return frame[(frame["date"] >= start) & (frame["date"] <= end)]
train = window(df, CONFIG["train_start"], CONFIG["train_end"])
test = window(df, CONFIG["test_start"], CONFIG["test_end"])
cols = ["temp", "rain", "dow"]
model = RandomForestRegressor().fit(train[cols], train["washes"])
print(model.score(test[cols], test["washes"]))${mark}
`;
  it('the test period after the training period (nothing)', async () => {
    await check(prog('2023-12-31', '2024-01-01'));
  });
  it('the test period starting inside the training period, reported', async () => {
    const text = prog('2023-12-31', '2023-10-01').replace(
      '    return frame[(frame["date"] >= start) & (frame["date"] <= end)]',
      '    return frame[(frame["date"] >= start) & (frame["date"] <= end)]  # <- leak-overlap',
    );
    await check(text);
  });
  const seasons = (last: number, mark = '') => `
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score
CFG = {"first": 2016, "last_train": ${last}, "eval": 2023}
df = pd.read_csv("flues.csv")
train = df[df["season"].between(CFG["first"], CFG["last_train"])]
ev = df[df["season"] == CFG["eval"]]${mark}
fit = smf.logit("creosote ~ age + uses", data=train).fit()
print(roc_auc_score(ev["creosote"], fit.predict(ev)))
`;
  it('seasons up to 2022, evaluated on 2023 (nothing)', async () => {
    await check(seasons(2022));
  });
  it('seasons up to 2023, evaluated on 2023, reported', async () => {
    await check(seasons(2023, '  # <- leak-overlap'));
  });
  it('a window inside the history before a validation season (nothing)', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import Ridge
runs = pd.read_csv("sap.csv")
test_season = 2024
val_season = test_season - 1
history = runs[runs["season"] < test_season]
val = runs[runs["season"] == val_season]
for w in [2, 3, 5]:
    train = history[(history["season"] >= val_season - w) & (history["season"] <= val_season - 1)]
    m = Ridge().fit(train[["temp"]], train["sap"])
print(m.score(val[["temp"]], val["sap"]))
`);
  });
});
