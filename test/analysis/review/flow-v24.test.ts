/**
 * The twenty-eighth round of data-flow capabilities (issue 16; held-out v28's failures, tuning data since its report;
 * v29 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a label read several rows ahead needs a gap of its horizon between the training and the test part', () => {
  const prog = (label: string, split: string) => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
HORIZON = 14
CUTOFF = pd.Timestamp("2024-03-01")
df = pd.read_csv("ferry_daily.csv", parse_dates=["date"]).sort_values("date")
for lag in (1, 7, 28):
    df[f"lag_{lag}"] = df["crossings"].shift(lag)
${label}
df = df.dropna()
FEATS = ["lag_1", "lag_7", "lag_28"]
${split}
model = HistGradientBoostingRegressor().fit(train[FEATS], train["y"])
print(model.score(test[FEATS], test["y"]))
`;
  const ahead = 'df["y"] = df["crossings"].shift(-HORIZON)';
  it('fourteen days ahead, both parts cut at one date, reported at the split', async () => {
    await check(
      prog(
        ahead,
        `train = df[df["date"] < CUTOFF]  # <- leak-time-split
test = df[df["date"] >= CUTOFF]`,
      ),
    );
  });
  it('the same label by train_test_split(shuffle=False), reported', async () => {
    await check(
      prog(
        ahead,
        `from sklearn.model_selection import train_test_split
train, test = train_test_split(df, test_size=0.2, shuffle=False)  # <- leak-time-split`,
      ),
    );
  });
  it('the training part ends a horizon before the cutoff (nothing)', async () => {
    await check(
      prog(
        ahead,
        `train = df[df["date"] < CUTOFF - pd.Timedelta(days=HORIZON)]
test = df[df["date"] >= CUTOFF]`,
      ),
    );
  });
  it('the next day only, cut at one date (nothing)', async () => {
    await check(
      prog(
        'df["y"] = df["crossings"].shift(-1)',
        `train = df[df["date"] < CUTOFF]
test = df[df["date"] >= CUTOFF]`,
      ),
    );
  });
});

describe('the first date, subtracted to count time from it, is an origin, not a statistic learnt from the rows', () => {
  const prog = (feature: string) => `
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("museum_visits.csv", parse_dates=["date"])
${feature}
train = df[df["date"] < "2023-01-01"]
test = df[df["date"] >= "2023-01-01"]
model = Ridge().fit(train[["t", "temp"]], train["visitors"])
print(model.score(test[["t", "temp"]], test["visitors"]))
`;
  it('years since the first date (nothing)', async () => {
    await check(prog('df["t"] = (df["date"] - df["date"].min()).dt.days / 365.25'));
  });
  it('a measurement less its minimum over every row, reported', async () => {
    await check(
      prog(`df["t"] = (df["date"] - df["date"].min()).dt.days
df["temp"] = df["temp"] - df["temp"].min()  # <- leak-preprocessing`),
    );
  });
});

describe('"recovery" follows a default, not any outcome', () => {
  const prog = (target: string, cols: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("records.csv")
X = df[[${cols}]]
y = df["${target}"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
model = RandomForestClassifier().fit(X_tr, y_tr)
print(model.score(X_te, y_te))
`;
  it("a puppy's startle recovery beside whether it qualifies (nothing)", async () => {
    await check(prog('qualified', '"startle_recovery", "body_sensitivity", "age_weeks"'));
  });
  it("a loan's recoveries beside whether it defaulted, reported", async () => {
    await check(
      prog('defaulted', '"loan_amnt", "int_rate", "recoveries"').replace(
        'model = RandomForestClassifier().fit(X_tr, y_tr)',
        'model = RandomForestClassifier().fit(X_tr, y_tr)  # <- leak-target',
      ),
    );
  });
});

describe('an as-of join of sorted tables (merge_asof(df.sort_values(…), …)) is followed as well', () => {
  const prog = (direction: string, mark: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
days = pd.read_csv("pass_days.csv", parse_dates=["planning_ts"])
bulletins = pd.read_csv("bulletins.csv", parse_dates=["issued_at"])
days = pd.merge_asof(
    days.sort_values("planning_ts"),
    bulletins[["pass_id", "issued_at", "chains_required"]].sort_values("issued_at"),
    left_on="planning_ts", right_on="issued_at", by="pass_id", direction="${direction}",
)
train = days[days["planning_ts"] < "2023-07-01"]
test = days[days["planning_ts"] >= "2023-07-01"]
FEATS = ["snow_fc_cm", "chains_required"]
model = LogisticRegression().fit(train[FEATS], train["closed_next_day"])${mark}
print(model.score(test[FEATS], test["closed_next_day"]))
`;
  it('direction="nearest", reported', async () => {
    await check(prog('nearest', '  # <- leak-target'));
  });
  it('direction="backward", the last bulletin before the planning time (nothing)', async () => {
    await check(prog('backward', ''));
  });
});

describe('a log read without parse_dates is dated by the date column it aggregates', () => {
  const prog = (log: string, mark: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
SNAPSHOT = pd.Timestamp("2023-06-30")
subs = pd.read_csv("subscribers.csv", parse_dates=["start_date", "cancel_date"])
deliveries = pd.read_parquet("delivery_log.parquet")
subs["cancelled_90d"] = (subs["cancel_date"] <= SNAPSHOT + pd.Timedelta(days=90)).astype(int)
${log}
per_sub = history.groupby("sub_id").agg(
    last_delivery=("delivery_date", "max"),
    n_deliveries=("delivery_date", "size"),
)
subs = subs.merge(per_sub, left_on="sub_id", right_index=True, how="left")
FEATS = ["n_deliveries", "weekly_price"]
train, test = train_test_split(subs, random_state=0)
model = LogisticRegression().fit(train[FEATS], train["cancelled_90d"])${mark}
print(model.score(test[FEATS], test["cancelled_90d"]))
`;
  it('every delivery, those after the snapshot included, reported', async () => {
    await check(prog('history = deliveries', '  # <- leak-target'));
  });
  it('the deliveries up to the snapshot (nothing)', async () => {
    await check(prog('history = deliveries[deliveries["delivery_date"] <= SNAPSHOT]', ''));
  });
});

describe("a groupby's sample(replace=True) draws copies of the rows, as a frame's does", () => {
  const prog = (balance: string, fit: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedKFold
df = pd.read_csv("hydrant_tests.csv").reset_index(drop=True)
FEATS = ["static_psi", "residual_psi", "age_years"]
n_major = df["failed"].value_counts().max()
${balance}
for tr, te in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(data, data["failed"]):
    part = data.iloc[tr]
${fit}
    clf = RandomForestClassifier().fit(part[FEATS], part["failed"])
    print(clf.score(data.iloc[te][FEATS], data.iloc[te]["failed"]))
`;
  it('every class drawn up to the largest before the folds, reported', async () => {
    await check(
      prog(
        'data = df.groupby("failed", group_keys=False).sample(n=n_major, replace=True, random_state=5)  # <- leak-overlap',
        '',
      ),
    );
  });
  it("each fold's training rows drawn up, the validation fold as it is (nothing)", async () => {
    await check(
      prog(
        'data = df',
        '    part = part.groupby("failed", group_keys=False).sample(n=n_major, replace=True, random_state=5)',
      ),
    );
  });
});

describe("a row's own event log summarised onto it counts what happened after the row's date", () => {
  const prog = (log: string, mark: string) => `
import pandas as pd
from xgboost import XGBClassifier
cases = pd.read_csv("noise_cases.csv", parse_dates=["received_ts", "triage_ts"])
actions = pd.read_csv("noise_case_actions.csv", parse_dates=["action_ts"])
cases["notice_served"] = cases["outcome"].eq("abatement_notice").astype(int)
${log}
act = actions.groupby("case_id").agg(n_actions=("action_type", "size"), n_visits=("is_visit", "sum")).reset_index()
cases = cases.merge(act, on="case_id", how="left")
FEATS = ["n_complainants", "n_actions", "n_visits"]
train = cases[cases["received_ts"] < "2024-01-01"]
test = cases[cases["received_ts"] >= "2024-01-01"]
model = XGBClassifier().fit(train[FEATS], train["notice_served"])${mark}
print(model.score(test[FEATS], test["notice_served"]))
`;
  it('every action on the case, those after its triage included, reported', async () => {
    await check(prog('', '  # <- leak-target'));
  });
  it('the actions before the triage only (nothing)', async () => {
    await check(
      prog(
        `actions = actions.merge(cases[["case_id", "triage_ts"]], on="case_id", how="inner")
actions = actions[actions["action_ts"] < actions["triage_ts"]]`,
        '',
      ),
    );
  });
});

describe('keras.Input kept in a dict of inputs: the layers adapted and applied to them are steps of the model', () => {
  const prog = (adaptOn: string, splitFirst: boolean) => {
    const split = `train_df = df.sample(frac=0.8, random_state=1)
test_df = df.drop(train_df.index)`;
    return `
import pandas as pd
import keras
from keras import layers
df = pd.read_csv("installs.csv")
CAT = ["exchange", "route_type"]
${splitFirst ? split : ''}
lookups = {}
for c in CAT:
    lk = layers.StringLookup(output_mode="one_hot")
    lk.adapt(${adaptOn}[c].astype(str).to_numpy())${adaptOn === 'df' ? '  # <- leak-preprocessing' : ''}
    lookups[c] = lk
${splitFirst ? '' : split}
inputs, encoded = {}, []
for c in CAT:
    inputs[c] = keras.Input(shape=(1,), dtype="string", name=c)
    encoded.append(lookups[c](inputs[c]))
x = layers.Concatenate()(encoded)
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit({c: train_df[c].astype(str).to_numpy() for c in CAT}, train_df["failed"].to_numpy())
print(model.evaluate({c: test_df[c].astype(str).to_numpy() for c in CAT}, test_df["failed"].to_numpy()))
`;
  };
  it('the lookups adapted on every booking, reported', async () => {
    await check(prog('df', false));
  });
  it('the lookups adapted on the training bookings (nothing)', async () => {
    await check(prog('train_df', true));
  });
});

describe("a register's number that names no id (a vessel's MMSI) is an entity's id when the program counts it", () => {
  const prog = (split: string) => `
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import train_test_split, GroupShuffleSplit
df = pd.read_parquet("track_segments.parquet")
print(df.shape, df["mmsi"].nunique(), "vessels")
FEATS = ["speed_mean_kn", "turn_rate_p90", "night_share"]
y = df["gear_code"]
${split}
model = lgb.LGBMClassifier().fit(X_train, y_train)
print(model.score(X_test, y_test))
`;
  it('day segments of each vessel split row by row, reported', async () => {
    await check(
      prog(
        'X_train, X_test, y_train, y_test = train_test_split(df[FEATS], y, test_size=0.25, stratify=y)  # <- leak-overlap',
      ),
    );
  });
  it('whole vessels to each side (nothing)', async () => {
    await check(
      prog(`tr, te = next(GroupShuffleSplit(test_size=0.25).split(df[FEATS], y, groups=df["mmsi"]))
X_train, X_test, y_train, y_test = df[FEATS].iloc[tr], df[FEATS].iloc[te], y.iloc[tr], y.iloc[te]`),
    );
  });
});

describe("a Hugging Face tokenizer's train_from_iterator learns its vocabulary from the texts it is given", () => {
  const prog = (trainOn: string, splitFirst: boolean) => {
    const split =
      'train_df, test_df = train_test_split(notes, test_size=0.2, stratify=notes["escalated"], random_state=1)';
    return `
import pandas as pd
import torch
from torch import nn
from sklearn.model_selection import train_test_split
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
notes = pd.read_json("helpdesk_notes.jsonl", lines=True)
${splitFirst ? split : ''}
tok = Tokenizer(models.BPE(unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.Whitespace()
tok.train_from_iterator(${trainOn}["text"].tolist(), trainer=trainers.BpeTrainer(vocab_size=4000))${trainOn === 'notes' ? '  # <- leak-preprocessing' : ''}
${splitFirst ? '' : split}
X_train = [e.ids[:128] for e in tok.encode_batch(list(train_df["text"]))]
X_test = [e.ids[:128] for e in tok.encode_batch(list(test_df["text"]))]
model = nn.EmbeddingBag(tok.get_vocab_size(), 32)
opt = torch.optim.Adam(model.parameters())
for ids, label in zip(X_train, train_df["escalated"]):
    loss = nn.functional.binary_cross_entropy_with_logits(model(torch.tensor([ids])).sum(), torch.tensor(float(label)))
    loss.backward()
    opt.step()
`;
  };
  it('the vocabulary learnt from every note before the split, reported', async () => {
    await check(prog('notes', false));
  });
  it('the vocabulary learnt from the training notes (nothing)', async () => {
    await check(prog('train_df', true));
  });
});

describe('an admission from the emergency department: the time spent there is known once the attendance ends', () => {
  const prog = (target: string, extra: string, mark: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
ed = pd.read_parquet("attendances.parquet")
FEATS = ["age", "triage_category", "news2", "heart_rate"${extra}]
train = ed[ed["arrival_time"] < "2023-10-01"]
test = ed[ed["arrival_time"] >= "2023-10-01"]
model = LogisticRegression().fit(train[FEATS], train["${target}"])${mark}
print(model.score(test[FEATS], test["${target}"]))
`;
  it("the department stay's minutes and specialty referrals beside whether the patient is admitted, reported", async () => {
    await check(prog('admitted', ', "ed_los_min", "specialty_referrals"', '  # <- leak-target'));
  });
  it('what triage records (nothing)', async () => {
    await check(prog('admitted', '', ''));
  });
  it("the index stay's length beside a readmission, known at discharge (nothing)", async () => {
    await check(prog('readmitted_30d', ', "length_of_stay"', ''));
  });
});
