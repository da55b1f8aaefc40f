/**
 * The twenty-second round of data-flow capabilities (issue 16; held-out v22's failures, tuning data since its report;
 * v23 frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and
 * programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('groups= given to a split that ignores it', () => {
  const prog = (cv: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, cross_val_score
visits = pd.read_csv("visits.csv")
X = visits[["weight_kg", "age_weeks"]]
y = visits["lame"]
print(cross_val_score(RandomForestClassifier(), X, y, groups=visits["animal_id"]${cv}).mean())${mark}
`;
  it('StratifiedKFold with groups=, reported', async () => {
    await check(prog(', cv=StratifiedKFold(5, shuffle=True, random_state=0)', '  # <- leak-overlap'));
  });
  it('cv=5 with groups= (plain k-fold), reported', async () => {
    await check(prog(', cv=5', '  # <- leak-overlap'));
  });
  it('no cv= with groups= (the default folds), reported', async () => {
    await check(prog('', '  # <- leak-overlap'));
  });
  it('GroupKFold with groups= (nothing)', async () => {
    await check(prog(', cv=GroupKFold(5)'));
  });
  it("a splitter's split(X, y, groups) with KFold, reported", async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
visits = pd.read_csv("visits.csv")
X = visits[["weight_kg", "age_weeks"]]
y = visits["lame"]
for tr, te in KFold(5, shuffle=True).split(X, y, visits["animal_id"]):  # <- leak-overlap
    m = LogisticRegression().fit(X.iloc[tr], y.iloc[tr])
    print(m.score(X.iloc[te], y.iloc[te]))
`);
  });
});

describe('rows exploded from a list, then split by their id', () => {
  const prog = (cv: string, groups: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, KFold, cross_val_score
orders = pd.read_csv("orders.csv")
orders["item"] = orders["items"].str.split(";")
rows = orders.explode("item", ignore_index=True)${mark}
rows["n_items"] = rows.groupby("order_id")["item"].transform("size")
print(cross_val_score(LogisticRegression(), rows[["n_items", "basket_eur"]], rows["returned"], cv=${cv}${groups}).mean())
`;
  it('GroupKFold by the order id keeps the copies together (nothing)', async () => {
    await check(prog('GroupKFold(5)', ', groups=rows["order_id"]'));
  });
  it('KFold row by row, reported', async () => {
    await check(prog('KFold(5, shuffle=True)', '', '  # <- leak-overlap'));
  });
});

describe('a list of names grown with += from an empty list', () => {
  const prog = (extra: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import cross_val_score
GROUPS = {"base": {"num": ["ask_price"]}, "listing": {"num": ["n_photos"${extra}]}}
def columns_for(groups):
    num = []
    for g in ["base", *groups]:
        num += GROUPS[g]["num"]
    return num
items = pd.read_csv("items.csv")
items["sold_14d"] = (items["days_to_sale"] <= 14).astype(int)
cols = columns_for(["listing"])
print(cross_val_score(HistGradientBoostingClassifier(), items[cols], items["sold_14d"], cv=5).mean())${mark}
`;
  it('the names it collects are the features (nothing)', async () => {
    await check(prog(''));
  });
  it('the label among them, reported', async () => {
    await check(prog(', "sold_14d"', '  # <- leak-target'));
  });
});

describe('a search fit on the training and the test rows together', () => {
  const prog = (cv: string, data: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, train_test_split
df = pd.read_csv("pilots.csv")
X, y = df[["distance_km", "glider_span_m"]], df["completed"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
X_all, y_all = pd.concat([X_train, X_test]), pd.concat([y_train, y_test])
folds = [(np.arange(len(X_train)), np.arange(len(X_train), len(X_all)))]
search = GridSearchCV(LogisticRegression(), {"C": [0.1, 1, 10]}, cv=${cv}, refit=False)
search.fit(${data})${mark}
final = LogisticRegression(**search.best_params_).fit(X_train, y_train)
print(final.score(X_test, y_test))
`;
  it('the test rows as the only fold, reported', async () => {
    await check(prog('folds', 'X_all, y_all', '  # <- leak-selection'));
  });
  it('plain folds over both parts, reported', async () => {
    await check(prog('5', 'X_all, y_all', '  # <- leak-selection'));
  });
  it('folds of the training rows only (nothing)', async () => {
    await check(prog('5', 'X_train, y_train'));
  });
});

describe('groups resampled with replacement where they are short, before the split', () => {
  const prog = (before: string, after: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
def balance(frame, n):
    return frame.groupby("alloy", group_keys=False).apply(lambda g: g.sample(n=n, replace=len(g) < n, random_state=0))${mark}
parts = pd.read_csv("parts.csv")
${before}
train, test = train_test_split(parts, test_size=0.2, random_state=0)
${after}
m = RandomForestClassifier().fit(train[["power_w", "speed_mm_s"]], train["burnt"])
print(m.score(test[["power_w", "speed_mm_s"]], test["burnt"]))
`;
  it('the whole table balanced, then split, reported', async () => {
    await check(prog('parts = balance(parts, 400)', '', '  # <- leak-overlap'));
  });
  it('the training part balanced after the split (nothing)', async () => {
    await check(prog('', 'train = balance(train, 400)'));
  });
  it('replace=False draws no copies (nothing)', async () => {
    await check(prog('parts = balance(parts, 400)', '').replace('replace=len(g) < n', 'replace=False'));
  });
});

describe('a stream scored on batches the model has just learnt', () => {
  const prog = (loop: string) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import roc_auc_score
shots = pd.read_csv("shots.csv")
FEATS = ["distance_cm", "angle_deg"]
days = sorted(shots["match_day"].unique())
warm = shots[shots["match_day"].isin(days[:5])]
model = SGDClassifier(loss="log_loss")
model.partial_fit(warm[FEATS], warm["potted"], classes=np.array([0, 1]))
ys, ps = [], []
for day in days[5:]:
    batch = shots[shots["match_day"] == day]
${loop}
    ys.append(batch["potted"])
print(roc_auc_score(pd.concat(ys), np.concatenate(ps)))
`;
  it('learn, then predict the same batch, reported', async () => {
    await check(
      prog(
        `    model.partial_fit(batch[FEATS], batch["potted"])${'  # <- leak-overlap'}\n    ps.append(model.predict_proba(batch[FEATS])[:, 1])`,
      ),
    );
  });
  it('predict, then learn (test-then-train) (nothing)', async () => {
    await check(
      prog(
        `    ps.append(model.predict_proba(batch[FEATS])[:, 1])\n    model.partial_fit(batch[FEATS], batch["potted"])`,
      ),
    );
  });
});

describe('what follows an outcome: rework after a failed spec, markdowns before a sale, laps before a discard', () => {
  const prog = (cols: string, target: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
df = pd.read_csv("items.csv")
cols = ${cols}
tr, te = train_test_split(df, test_size=0.2, random_state=0)
m = RandomForestRegressor().fit(tr[cols], tr["${target}"])${mark}
print(m.score(te[cols], te["${target}"]))
`;
  it('regrind minutes beside a hardness failure, reported', async () => {
    await check(prog('["quench_minutes", "regrind_minutes"]', 'hardness_fail', '  # <- leak-target'));
  });
  it('markdowns beside a final sale price, reported', async () => {
    await check(prog('["list_price_eur", "n_markdowns"]', 'sale_price_eur', '  # <- leak-target'));
  });
  it('laps completed beside a discarded plate, reported', async () => {
    await check(prog('["lane_position", "laps_completed"]', 'discarded', '  # <- leak-target'));
  });
  it('the list price and the quench time are known before (nothing)', async () => {
    await check(prog('["list_price_eur", "quench_minutes"]', 'sale_price_eur'));
  });
});

describe('a vocabulary chosen by chi² over every labelled text, given to the vectoriser', () => {
  const prog = (texts: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.feature_selection import chi2
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
def top_terms(texts, labels, k):
    cv = CountVectorizer(min_df=3)
    scores, _ = chi2(cv.fit_transform(texts), labels)${mark}
    return list(cv.get_feature_names_out()[np.argsort(np.nan_to_num(scores))[::-1][:k]])
tickets = pd.read_csv("tickets.csv")
train, test = train_test_split(tickets, test_size=0.2, random_state=0)
vocab = top_terms(${texts}, 500)
clf = make_pipeline(TfidfVectorizer(vocabulary=vocab), LogisticRegression())
clf.fit(train["text"], train["needs_parts"])
print(clf.score(test["text"], test["needs_parts"]))
`;
  it('the terms chosen on every ticket, reported', async () => {
    await check(prog('tickets["text"], tickets["needs_parts"]', '  # <- leak-preprocessing'));
  });
  it('the terms chosen on the training tickets (nothing)', async () => {
    await check(prog('train["text"], train["needs_parts"]'));
  });
});

describe('a Dataset that yields several items per row', () => {
  const prog = (len: string, norm: string, mark = '') => `
import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, Dataset, random_split
class Crops(Dataset):
    def __init__(self, meta, views=4):
        self.paths = list(meta["mel_file"])
        self.labels = meta["fault"].to_numpy()
        self.views = views
    def __len__(self):
        return ${len}
    def __getitem__(self, idx):
        i = idx % len(self.paths)
        patch = np.load(self.paths[i]).astype(np.float32)
        patch = ${norm}
        return torch.from_numpy(patch), int(self.labels[i])
meta = pd.read_csv("recordings.csv")
train_ds, test_ds = random_split(Crops(meta), [0.8, 0.2])${mark}
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.LazyLinear(3))
opt = torch.optim.Adam(model.parameters())
for xb, yb in DataLoader(train_ds, batch_size=32, shuffle=True):
    opt.zero_grad()
    torch.nn.functional.cross_entropy(model(xb), yb).backward()
    opt.step()
correct = 0
with torch.no_grad():
    for xb, yb in DataLoader(test_ds, batch_size=64):
        correct += (model(xb).argmax(1) == yb).sum().item()
print(correct / len(test_ds))
`;
  it('views of one recording on both sides of a random split, reported', async () => {
    await check(
      prog(
        'len(self.paths) * self.views',
        '(patch - patch.mean()) / (patch.std() + 1e-5)',
        '  # <- leak-overlap',
      ),
    );
  });
  it('one item per recording, each normalised by its own statistics (nothing)', async () => {
    await check(prog('len(self.paths)', '(patch - patch.mean()) / (patch.std() + 1e-5)'));
  });
});

describe('an evaluation set merged out of the training table', () => {
  const prog = (train: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
crm = pd.read_csv("crm.csv")
panel = pd.read_csv("survey_panel.csv")
FEATS = ["seasons_subscribed", "attendance_rate"]
eval_rows = crm.merge(panel[["subscriber_id", "season"]], on=["subscriber_id", "season"], how="inner")
train_rows = ${train}
model = LogisticRegression().fit(train_rows[FEATS], train_rows["renewed"])${mark}
print(roc_auc_score(eval_rows["renewed"], model.predict_proba(eval_rows[FEATS])[:, 1]))
`;
  it('trained on every row, the panel rows included, reported', async () => {
    await check(prog('crm.copy()', '  # <- leak-overlap'));
  });
  it('trained on the rows not in the panel (nothing)', async () => {
    await check(prog('crm[~crm["subscriber_id"].isin(panel["subscriber_id"])].copy()'));
  });
});

describe('an entity from a many-to-one merge, split by period', () => {
  const prog = (split: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import train_test_split
box = pd.read_csv("box_office.csv")
prod = pd.read_csv("productions.csv")
perf = box.merge(prod, on="production_id", how="left", validate="many_to_one")
perf["sell_through"] = perf["tickets_sold"] / perf["seats_on_sale"]
FEATS = ["marketing_spend_eur", "run_length", "top_price_eur"]
${split}${mark}
m = GradientBoostingRegressor().fit(train[FEATS], train["sell_through"])
print(m.score(test[FEATS], test["sell_through"]))
`;
  it('the last two seasons held out (nothing)', async () => {
    await check(
      prog(
        'is_test = perf["season"].isin(["2022/23", "2023/24"])\ntrain, test = perf[~is_test], perf[is_test]',
      ),
    );
  });
  it('a shuffled split of the performances, reported', async () => {
    await check(
      prog('train, test = train_test_split(perf, test_size=0.2, random_state=0)', '  # <- leak-overlap'),
    );
  });
});

describe("a label about the customer's next job: the job's invoice is known, a lifetime total is not", () => {
  const prog = (feat: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
jobs = pd.read_csv("jobs.csv", parse_dates=["job_date"]).sort_values(["customer_id", "job_date"])
crm = pd.read_csv("crm_export.csv")
jobs = jobs.merge(crm[["customer_id", "lifetime_jobs"]], on="customer_id", how="left")
jobs["next_job_date"] = jobs.groupby("customer_id")["job_date"].shift(-1)
jobs["rebooked_365"] = ((jobs["next_job_date"] - jobs["job_date"]).dt.days <= 365).astype(int)
train, test = jobs[jobs["job_date"] < "2023-01-01"], jobs[jobs["job_date"] >= "2024-01-01"]
cols = ["rooms", "${feat}"]
m = LogisticRegression().fit(train[cols], train["rebooked_365"])${mark}
print(m.score(test[cols], test["rebooked_365"]))
`;
  it("the job's own invoice (nothing)", async () => {
    await check(prog('invoice_eur'));
  });
  it("the customer's lifetime jobs, reported", async () => {
    await check(prog('lifetime_jobs', '  # <- leak-target'));
  });
});

describe('quantile bins cut by pandas', () => {
  const prog = (bins: string) => `
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
BIN_COLS = {"bark_mm": 8, "circumference_cm": 6}
planks = pd.read_csv("planks.csv")
features = ["density", "moisture_pct"] + [f"{c}_bin" for c in BIN_COLS]
${bins}
model = xgb.XGBClassifier().fit(train[features], train["grade_code"])
print(model.score(test[features], test["grade_code"]))
`;
  it('pd.qcut over every plank before the split, reported', async () => {
    await check(
      prog(`for col, q in BIN_COLS.items():
    planks[f"{col}_bin"] = pd.qcut(planks[col], q=q, labels=False, duplicates="drop")${'  # <- leak-preprocessing'}
train, test = train_test_split(planks, test_size=0.25, random_state=8)`),
    );
  });
  it('edges from the training planks, applied to both with pd.cut (nothing)', async () => {
    await check(
      prog(`train, test = train_test_split(planks, test_size=0.25, random_state=8)
train, test = train.copy(), test.copy()
for col, q in BIN_COLS.items():
    _, edges = pd.qcut(train[col], q=q, retbins=True, duplicates="drop")
    edges[0], edges[-1] = -np.inf, np.inf
    train[f"{col}_bin"] = pd.cut(train[col], bins=edges, labels=False)
    test[f"{col}_bin"] = pd.cut(test[col], bins=edges, labels=False)`),
    );
  });
});

describe("names made from a dict's keys in a comprehension", () => {
  const prog = (keys: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
WEIGHTS = {${keys}}
df = pd.read_csv("planks.csv")
features = [f"{c}" for c in WEIGHTS]
train, test = train_test_split(df, test_size=0.25, random_state=8)
model = LogisticRegression().fit(train[features], train["grade"])${mark}
print(model.score(test[features], test["grade"]))
`;
  it('the keys, not the numbers they map to: the label among them, reported', async () => {
    await check(prog('"bark": 8, "grade": 6', '  # <- leak-target'));
  });
  it('the keys without the label (nothing)', async () => {
    await check(prog('"bark": 8, "density": 6'));
  });
});

describe("an entity's rows counted over the whole table, split in time", () => {
  const prog = (count: string, split: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split
lots = pd.read_csv("lots.csv", parse_dates=["session_date"]).sort_values("session_date")
lots["unsold"] = (lots["outcome"] == "no_sale").astype(int)
lots["times_listed"] = lots.groupby(["planter_id", "grade_mm"])["lot_id"].${count}
FEATS = ["reserve_price", "times_listed"]
${split}
m = HistGradientBoostingClassifier().fit(train[FEATS], train["unsold"])${mark}
print(m.score(test[FEATS], test["unsold"]))
`;
  const byDate =
    'train, test = lots[lots["session_date"] < "2023-01-01"], lots[lots["session_date"] >= "2023-01-01"]';
  it('transform("count") with a split by date, reported', async () => {
    await check(prog('transform("count")', byDate, '  # <- leak-target'));
  });
  it('cumcount(), the earlier listings only (nothing)', async () => {
    await check(prog('cumcount()', byDate));
  });
});
