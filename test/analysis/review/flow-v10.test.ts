/**
 * The thirteenth round of data-flow capabilities (issue 16; misses of the reported held-out sets v11 and v12, tuning
 * data): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and programs that
 * must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a predefined training part transformed whole, then cut into the parts trained and scored', () => {
  const prog = (vectorise: string, tail = '') => `
import numpy as np
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
ds = load_dataset("yelp_polarity", split="train")
docs = np.array(ds["text"])
stars = np.array(ds["label"])
vec = TfidfVectorizer(min_df=2)
${vectorise}
clf = LogisticRegression(max_iter=500).fit(A_fit, b_fit)
print(clf.score(A_val, b_val))
${tail}`;

  it('the vectorizer fit on every row of the training part, the part then cut in two: reported', async () => {
    await check(
      prog(`A = vec.fit_transform(docs)  # <- leak-preprocessing
A_fit, A_val, b_fit, b_val = train_test_split(A, stars, test_size=0.2, random_state=0)`),
    );
  });

  it('cut first, the vectorizer fit on the part trained on: nothing', async () => {
    await check(
      prog(`d_fit, d_val, b_fit, b_val = train_test_split(docs, stars, test_size=0.2, random_state=0)
A_fit = vec.fit_transform(d_fit)
A_val = vec.transform(d_val)`),
    );
  });

  it('fit on the whole training part, a validation part carved from it, and the predefined test part scored: nothing', async () => {
    await check(
      prog(
        `A = vec.fit_transform(docs)
A_fit, A_val, b_fit, b_val = train_test_split(A, stars, test_size=0.2, random_state=0)`,
        `held = load_dataset("yelp_polarity", split="test")
print(clf.score(vec.transform(held["text"]), held["label"]))`,
      ),
    );
  });
});

describe('a frame split by its index, its parts taken by df.loc[part]', () => {
  const prog = (choose: string, parts: string, report: string, mark = '') => `
import itertools
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("gearbox.csv")
y = df["failed"]
blocks = {"vibration": ["rms", "peak"], "oil": ["viscosity", "particles"], "temp": ["t_in", "t_out"]}
train_idx, test_idx = train_test_split(df.index, test_size=0.3, random_state=0)
${choose}

def accuracy(cols, fit_rows, eval_rows):
    model = RandomForestClassifier(random_state=0).fit(df.loc[fit_rows, cols], y[fit_rows])
    return model.score(df.loc[eval_rows, cols], y[eval_rows])${mark}

scores = []
for combo in itertools.combinations(blocks, 2):
    cols = [c for b in combo for c in blocks[b]]
    scores.append((accuracy(cols, ${parts}), combo))
best, combo = max(scores)
${report}
`;

  it('feature blocks chosen by the score on the test part, that score reported: reported', async () => {
    await check(prog('', 'train_idx, test_idx', 'print("test accuracy", best)', '  # <- leak-selection'));
  });

  it('chosen on a validation part of the training rows, the test part scored once: nothing', async () => {
    await check(
      prog(
        'fit_idx, val_idx = train_test_split(train_idx, test_size=0.25, random_state=0)',
        'fit_idx, val_idx',
        'print("test accuracy", accuracy([c for b in combo for c in blocks[b]], train_idx, test_idx))',
      ),
    );
  });
});

describe('augmented copies appended from a loop inside the pass over the rows', () => {
  const prog = (build: string) => `
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split
from torchvision import datasets, models, transforms
base = datasets.ImageFolder("petals", transform=transforms.ToTensor())
jitter = transforms.Compose([transforms.RandomHorizontalFlip(), transforms.RandomRotation(20)])

def grow(samples, copies):
    images, labels = [], []
    for img, label in samples:
        images.append(img)
        labels.append(label)
        for _ in range(copies):
            images.append(jitter(img))MARK1
            labels.append(label)MARK2
    return TensorDataset(torch.stack(images), torch.tensor(labels))

${build}
net = models.resnet18(num_classes=5)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for xb, yb in DataLoader(train_ds, batch_size=32, shuffle=True):
    opt.zero_grad()
    torch.nn.functional.cross_entropy(net(xb), yb).backward()
    opt.step()
hits = sum((net(xb).argmax(1) == yb).sum().item() for xb, yb in DataLoader(test_ds, batch_size=128))
print(hits / len(test_ds))
`;

  it('copies made before random_split: reported', async () => {
    await check(
      prog('train_ds, test_ds = random_split(grow(base, copies=4), [0.8, 0.2])')
        .replace('MARK1', '  # <- leak-overlap')
        .replace('MARK2', '  # <- leak-overlap'),
    );
  });

  it('split first, copies of the training part only: nothing', async () => {
    await check(
      prog(`train_raw, test_raw = random_split(base, [0.8, 0.2])
train_ds, test_ds = grow(train_raw, copies=4), grow(test_raw, copies=0)`)
        .replace('MARK1', '')
        .replace('MARK2', ''),
    );
  });

  it('one value per column appended in an inner loop over the columns (features, not copies): nothing', async () => {
    await check(`
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
raw = np.load("sensors.npy")
y = np.load("labels.npy")
rows = []
for r in raw:
    feats = []
    for j in range(6):
        feats.append(r[j] - r[j + 6])
    rows.append(feats)
Xtr, Xte, ytr, yte = train_test_split(np.array(rows), y, random_state=0)
print(LogisticRegression().fit(Xtr, ytr).score(Xte, yte))
`);
  });
});

describe('a Hugging Face label made by ds.map from a column the model inputs are also made of', () => {
  const prog = (text: string, mark = '') => `
import numpy as np
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments
ds = load_dataset("csv", data_files="app_feedback.csv")["train"]
ds = ds.map(lambda ex: {"label": int(ex["score"] <= 2)})
parts = ds.train_test_split(test_size=0.25, seed=1)
tok = AutoTokenizer.from_pretrained("bert-base-uncased")

def encode(batch):
    texts = ${text}
    return tok(texts, truncation=True, padding="max_length", max_length=128)

encoded = parts.map(encode, batched=True)
model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
trainer = Trainer(model=model, args=TrainingArguments(output_dir="out"), train_dataset=encoded["train"])
trainer.train()${mark}
print(trainer.evaluate(encoded["test"]))
`;

  it('the score the label is made from written into the text: reported', async () => {
    await check(
      prog('[f"{s} stars: {c}" for s, c in zip(batch["score"], batch["comment"])]', '  # <- leak-target'),
    );
  });

  it('the text alone: nothing', async () => {
    await check(prog('batch["comment"]'));
  });

  it('the text and another column (the app version): nothing', async () => {
    await check(prog('[f"v{v}: {c}" for v, c in zip(batch["app_version"], batch["comment"])]'));
  });
});

describe('a prediction and its label compared row by row in a loop over them', () => {
  const head = `
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
X, y = load_breast_cancer(return_X_y=True)
x_train, x_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
model = LogisticRegression(max_iter=1000).fit(x_train, y_train)
`;
  it('the misclassified rows collected to show them: nothing', async () => {
    await check(`${head}predictions = model.predict(x_test)
print(model.score(x_test, y_test))
wrong = []
for i, (pred, actual) in enumerate(zip(predictions, y_test)):
    if pred != actual:
        wrong.append(i)
print(wrong[:5])
`);
  });

  it('a threshold kept by the hits counted that way on the test part: reported', async () => {
    await check(`${head}proba = model.predict_proba(x_test)[:, 1]
best_t, best_hits = 0.5, 0
for t in [0.3, 0.4, 0.5, 0.6]:
    hits = 0
    for p, a in zip(proba, y_test):
        if (p >= t) == a:  # <- leak-selection
            hits += 1
    if hits > best_hits:
        best_t, best_hits = t, hits
print(best_t, best_hits / len(y_test))
`);
  });
});

describe('drop_duplicates of a part after the split', () => {
  const prog = (dedup: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
df = pd.read_csv("deliveries.csv")
FEATURES = ["distance_km", "parcels", "hour"]
train, test = train_test_split(df, test_size=0.2, random_state=0)
${dedup}${mark}
model = RandomForestRegressor(random_state=0).fit(train[FEATURES], train["minutes_late"])
print(model.score(test[FEATURES], test["minutes_late"]))
`;
  it('the training part deduplicated after the split, never before: reported', async () => {
    await check(prog('train = train.drop_duplicates()', '  # <- leak-overlap'));
  });

  it('the distinct depots of the test part listed (a lookup, not its rows): nothing', async () => {
    await check(
      prog('depots = test[["depot_id"]].drop_duplicates().reset_index(drop=True)\nprint(len(depots))'),
    );
  });
});

describe('a table whose columns summarise each user over several rows, split row by row', () => {
  const prog = (split: string, cols = '"minutes", "tracks", "avg_minutes_user", "sessions_last_30d"') => `
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold, KFold
plays = pd.read_parquet("listening_sessions.parquet")
X = plays[[${cols}]]
y = plays["upgraded"]
aucs = []
${split}
    model = LGBMClassifier(n_estimators=200).fit(X.iloc[tr], y.iloc[tr])
    aucs.append(roc_auc_score(y.iloc[te], model.predict_proba(X.iloc[te])[:, 1]))
print(np.mean(aucs))
`;
  it('shuffled KFold over the sessions: reported', async () => {
    await check(prog('for tr, te in KFold(5, shuffle=True, random_state=0).split(X):  # <- leak-overlap'));
  });

  it('GroupKFold by the user: nothing', async () => {
    await check(prog('for tr, te in GroupKFold(5).split(X, y, groups=plays["user_id"]):'));
  });

  it('no column summarising a user (one row per subscriber, say): nothing', async () => {
    await check(
      prog(
        'for tr, te in KFold(5, shuffle=True, random_state=0).split(X):',
        '"minutes", "tracks", "tenure_days"',
      ),
    );
  });
});

describe('models iterated from a tuple literal', () => {
  const prog = (scale: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Lasso, Ridge
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
df = pd.read_csv("wafers.csv")
X, y = df[["temp", "pressure", "dose"]], df["yield_pct"]
${scale}
for model in (Ridge(alpha=1.0), Lasso(alpha=0.1)):
    model.fit(X_tr, y_tr)
    print(type(model).__name__, model.score(X_te, y_te))${mark}
`;
  it('each is trained and scored: the scaler fit on all rows and the comparison on the test part are reported', async () => {
    await check(
      prog(
        `X = StandardScaler().fit_transform(X)  # <- leak-preprocessing
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)`,
        '  # <- leak-selection',
      ),
    );
  });

  it('one model scored on the test part, the scaler fit on the training part: nothing', async () => {
    await check(
      prog(`X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
sc = StandardScaler().fit(X_tr)
X_tr, X_te = sc.transform(X_tr), sc.transform(X_te)`).replace(
        '(Ridge(alpha=1.0), Lasso(alpha=0.1))',
        '(Ridge(alpha=1.0),)',
      ),
    );
  });
});

describe('a dict of parts transformed by a comprehension over its items', () => {
  const prog = (fit: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
notes = pd.read_csv("inspections.csv", parse_dates=["visited"])
frames = {"train": notes[notes["visited"] < "2024-01-01"], "test": notes[notes["visited"] >= "2024-01-01"]}
vec = TfidfVectorizer(min_df=2)
${fit}${mark}
feats = {name: vec.transform(frame["text"]) for name, frame in frames.items()}
labels = {name: frame["failed"].to_numpy() for name, frame in frames.items()}
clf = LogisticRegression(max_iter=1000).fit(feats["train"], labels["train"])
print(clf.score(feats["test"], labels["test"]))
`;
  it('the vectorizer fit on every note: reported', async () => {
    await check(prog('vec.fit(notes["text"])', '  # <- leak-preprocessing'));
  });

  it('fit on the training part only: nothing', async () => {
    await check(prog('vec.fit(frames["train"]["text"])'));
  });
});

describe('a DatasetDict made of parts of two splits', () => {
  it('trained on the inner training part, early stopping on the validation part, the test part scored: nothing', async () => {
    await check(`
from datasets import DatasetDict, load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments
cases = load_dataset("csv", data_files="claims.csv")["train"]
outer = cases.train_test_split(test_size=0.2, seed=1)
inner = outer["train"].train_test_split(test_size=0.15, seed=1)
splits = DatasetDict(train=inner["train"], valid=inner["test"], test=outer["test"])
tok = AutoTokenizer.from_pretrained("bert-base-uncased")
encoded = splits.map(lambda b: tok(b["text"], truncation=True), batched=True)
args = TrainingArguments(output_dir="out", eval_strategy="epoch", save_strategy="epoch", load_best_model_at_end=True)
model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
trainer = Trainer(model=model, args=args, train_dataset=encoded["train"], eval_dataset=encoded["valid"])
trainer.train()
print(trainer.evaluate(encoded["test"]))
`);
  });
});

describe('what follows a purchase, and what comes before it', () => {
  const prog = (col: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split
players = pd.read_parquet("players.parquet")
FEATURES = ["sessions_7d", "levels_7d", "${col}"]
tr, te = train_test_split(players, test_size=0.2, random_state=0)
clf = HistGradientBoostingClassifier().fit(tr[FEATURES], tr["purchased_30d"])${mark}
print(clf.score(te[FEATURES], te["purchased_30d"]))
`;
  it('the hour of the install (before the purchase): nothing', async () => {
    await check(prog('install_hour'));
  });

  it('the value of the order: reported', async () => {
    await check(prog('order_value', '  # <- leak-target'));
  });
});

describe('one window of a signal normalised by its own statistics', () => {
  it('in a Dataset __getitem__, after astype: no preprocessing finding (a per-sample statistic)', async () => {
    await check(`
import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

class Windows(Dataset):
    def __init__(self, signals, labels, win=256):
        self.signals, self.labels, self.win = signals, labels, win
    def __len__(self):
        return len(self.signals)
    def __getitem__(self, k):
        x = self.signals[k][0:self.win].astype(np.float32)
        x = (x - x.mean()) / (x.std() + 1e-6)
        return torch.from_numpy(x), int(self.labels[k])

sig = np.load("sig.npy")
lab = np.load("lab.npy")
n = int(0.8 * len(sig))
train_ds, test_ds = Windows(sig[:n], lab[:n]), Windows(sig[n:], lab[n:])
net = torch.nn.Linear(256, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for xb, yb in DataLoader(train_ds, batch_size=32):
    opt.zero_grad()
    torch.nn.functional.cross_entropy(net(xb), yb).backward()
    opt.step()
print(sum((net(xb).argmax(1) == yb).sum().item() for xb, yb in DataLoader(test_ds, batch_size=64)))
`);
  });
});

describe('a helper that trains when given an optimizer and only evaluates when given None', () => {
  const prog = (loop: string) => `
import copy
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
X, y = torch.load("fares.pt")
n = int(0.8 * len(X))
train_loader = DataLoader(TensorDataset(X[:n], y[:n]), batch_size=256, shuffle=True)
test_loader = DataLoader(TensorDataset(X[n:], y[n:]), batch_size=1024)

def run_epoch(model, loader, opt=None):
    total = 0.0
    for xb, yb in loader:
        loss = nn.functional.l1_loss(model(xb), yb)
        if opt is not None:
            opt.zero_grad()
            loss.backward()
            opt.step()
        total += loss.item()
    return total

model = nn.Linear(8, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
${loop}
`;
  it('the epoch kept by the loss on the test loader: reported', async () => {
    await check(
      prog(`best, best_state = float("inf"), None
for epoch in range(30):
    run_epoch(model, train_loader, opt)
    te = run_epoch(model, test_loader)
    if te < best:
        best, best_state = te, copy.deepcopy(model.state_dict())
model.load_state_dict(best_state)
print(run_epoch(model, test_loader))`).replace(
        '        loss = nn.functional.l1_loss(model(xb), yb)\n',
        '        loss = nn.functional.l1_loss(model(xb), yb)  # <- leak-selection\n',
      ),
    );
  });

  it('a fixed number of epochs, the test loader scored once: nothing', async () => {
    await check(
      prog(`for epoch in range(30):
    run_epoch(model, train_loader, opt)
print(run_epoch(model, test_loader))`),
    );
  });
});

describe('earlier and later rows by two cutoffs, a gap between them', () => {
  const prog = (enc: string, mark = '') => `
import category_encoders as ce
import pandas as pd
from sklearn.linear_model import LogisticRegression
loans = pd.read_csv("library_loans.csv", parse_dates=["borrowed"])
CATS = ["branch", "genre"]
${enc}${mark}
train = loans[loans["borrowed"] < "2024-05-01"]
test = loans[loans["borrowed"] >= "2024-06-01"]
ENC
clf = LogisticRegression().fit(train[CATS], train["late"])
print(clf.score(test[CATS], test["late"]))
`;
  it('a target encoder fit on every loan before the cut: reported', async () => {
    await check(
      prog(
        'loans[CATS] = ce.TargetEncoder(cols=CATS).fit_transform(loans[CATS], loans["late"])',
        '  # <- leak-preprocessing',
      ).replace('ENC\n', ''),
    );
  });

  it('fit on the earlier part only: nothing', async () => {
    await check(`
import category_encoders as ce
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
loans = pd.read_csv("library_loans.csv", parse_dates=["borrowed"])
CATS = ["branch", "genre"]
train = loans[loans["borrowed"] < "2024-05-01"]
test = loans[loans["borrowed"] >= "2024-06-01"]
clf = make_pipeline(ce.TargetEncoder(cols=CATS), LogisticRegression()).fit(train[CATS], train["late"])
print(clf.score(test[CATS], test["late"]))
`);
  });
});

describe('Polars: filter by a date, group_by statistics joined back', () => {
  const prog = (body: string, mark = '') => `
import polars as pl
from sklearn.linear_model import LogisticRegression
CUT = pl.date(2023, 1, 1)
FEATS = ["turbidity", "st_mean"]

def station_means(frame):
    return frame.group_by("station").agg(pl.col("turbidity").mean().alias("st_mean"))${mark}

samples = pl.read_csv("samples.csv", try_parse_dates=True)
${body}
clf = LogisticRegression().fit(train.select(FEATS).to_numpy(), train["bad"].to_numpy())
print(clf.score(test.select(FEATS).to_numpy(), test["bad"].to_numpy()))
`;
  it('the station means of every sample, then the cut: reported', async () => {
    await check(
      prog(
        `samples = samples.join(station_means(samples), on="station")
train = samples.filter(pl.col("date") < CUT)
test = samples.filter(pl.col("date") >= CUT)`,
        '  # <- leak-preprocessing',
      ),
    );
  });

  it('the cut first, the means of the earlier samples joined to both parts: nothing', async () => {
    await check(
      prog(`train = samples.filter(pl.col("date") < CUT)
test = samples.filter(pl.col("date") >= CUT)
means = station_means(train)
train, test = train.join(means, on="station"), test.join(means, on="station")`),
    );
  });
});

describe('a batched ds.map returning each row and paraphrased copies of it', () => {
  const prog = (body: string) => `
import random
import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

def paraphrase(batch, copies=2):
    rng = random.Random(0)
    out = {"text": [], "label": []}
    for text, label in zip(batch["text"], batch["label"]):
        out["text"].append(text)
        out["label"].append(label)
        for _ in range(copies):
            out["text"].append(" ".join(rng.sample(text.split(), len(text.split()))))MARK
            out["label"].append(label)
    return out

ds = Dataset.from_pandas(pd.read_csv("complaints.csv")[["text", "label"]])
${body}
clf = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(parts["train"]["text"], parts["train"]["label"])
print(clf.score(parts["test"]["text"], parts["test"]["label"]))
`;
  it('copies made before train_test_split: reported', async () => {
    await check(
      prog(`ds = ds.map(paraphrase, batched=True, remove_columns=ds.column_names)
parts = ds.train_test_split(test_size=0.2, seed=0)`).replace('MARK', '  # <- leak-overlap'),
    );
  });

  it('split first, copies of the training part only: nothing', async () => {
    await check(
      prog(`parts = ds.train_test_split(test_size=0.2, seed=0)
parts["train"] = parts["train"].map(paraphrase, batched=True, remove_columns=parts["train"].column_names)`).replace(
        'MARK',
        '',
      ),
    );
  });
});

describe('what follows a late return, a trip and an order’s return (the outcomes table)', () => {
  const prog = (target: string, cols: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("rows.csv")
FEATURES = [${cols}]
tr, te = train_test_split(df, test_size=0.2, random_state=0)
clf = RandomForestClassifier(random_state=0).fit(tr[FEATURES], tr["${target}"])${mark}
print(clf.score(te[FEATURES], te["${target}"]))
`;
  it('the fine of a late loan: reported; the loan period: nothing', async () => {
    await check(prog('late', '"loan_period_days", "fine_amount_usd"', '  # <- leak-target'));
    await check(prog('late', '"loan_period_days", "items_on_card"'));
  });

  it('the final fare of a trip whose duration is predicted: reported; the drop-off zone and the quote: nothing', async () => {
    await check(prog('duration_min', '"distance_km", "final_fare"', '  # <- leak-target'));
    await check(prog('duration_min', '"distance_km", "dropoff_zone", "quoted_fare"'));
  });

  it('the return label of an order whose return is predicted: reported; the basket: nothing', async () => {
    await check(prog('returned', '"basket_value_prior", "return_label_printed"', '  # <- leak-target'));
    await check(prog('returned', '"n_items", "discount_pct"'));
  });
});

describe('feature names from a config dict, columns defined in a loop over its items', () => {
  const prog = (window: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
CONFIG = {"lags": {"visits_lag1": 1, "visits_lag7": 7}, "rolling": {"visits_roll7": 7}, "calendar": ["weekday"]}
df = pd.read_csv("museum_daily.csv", parse_dates=["day"]).sort_values("day")
df["weekday"] = df["day"].dt.weekday
for name, k in CONFIG["lags"].items():
    df[name] = df["visits"].shift(k)
for name, w in CONFIG["rolling"].items():
    df[name] = ${window}
features = [f for group in CONFIG.values() for f in group]
df = df.dropna(subset=features)
train, test = df[df["day"] < "2024-01-01"], df[df["day"] >= "2024-01-01"]
model = HistGradientBoostingRegressor().fit(train[features], train["visits"])${mark}
print(model.score(test[features], test["visits"]))
`;
  it('a rolling mean that includes the current day: reported', async () => {
    await check(prog('df["visits"].rolling(w).mean()', '  # <- leak-target'));
  });

  it('shifted first: nothing', async () => {
    await check(prog('df["visits"].shift(1).rolling(w).mean()'));
  });
});

describe('features made by df.apply(f, axis=1), f returning a Series of some values', () => {
  const prog = (extra: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
games = pd.read_csv("games.csv").sort_values("played_at")

def feats(row):
    return pd.Series({
        "elo_diff": row["white_elo_pre"] - row["black_elo_pre"],${extra}
    })

X = games.apply(feats, axis=1)
y = (games["result"] == "1-0").astype(int)
cut = int(0.8 * len(games))
clf = HistGradientBoostingClassifier().fit(X.iloc[:cut], y.iloc[:cut])${mark}
print(clf.score(X.iloc[cut:], y.iloc[cut:]))
`;
  it('the features are those values, not the whole frame (the result column is not among them): nothing', async () => {
    await check(prog(''));
  });

  it('a rating after the game (white_elo_post beside white_elo_pre): reported', async () => {
    await check(
      prog('\n        "delta": row["white_elo_post"] - row["white_elo_pre"],', '  # <- leak-target'),
    );
  });
});

describe('pd.concat([train, test], keys=[…]) preprocessed together, taken apart by .loc[key]', () => {
  const head = `
import pandas as pd
from sklearn.linear_model import LogisticRegression
COLS = ["km", "age"]
train = pd.read_csv("policies_2022.csv")
test = pd.read_csv("policies_2023.csv")
`;
  const tail = `clf = LogisticRegression().fit(X_train, train["claim"])
print(clf.score(X_test, test["claim"]))
`;
  it('standardised with the statistics of both years: reported', async () => {
    await check(`${head}both = pd.concat([train, test], keys=["train", "test"])
z = (both[COLS] - both[COLS].mean()) / both[COLS].std()  # <- leak-preprocessing # <- leak-preprocessing
X_train, X_test = z.loc["train"], z.loc["test"]
${tail}`);
  });

  it('with the statistics of the first year: nothing', async () => {
    await check(`${head}mu, sd = train[COLS].mean(), train[COLS].std()
both = pd.concat([train, test], keys=["train", "test"])
z = (both[COLS] - mu) / sd
X_train, X_test = z.loc["train"], z.loc["test"]
${tail}`);
  });
});

describe('feature names made from names ([c + "_prev" for c in SENSORS] + [...])', () => {
  const prog = (window: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
SENSORS = ["vibration", "oil_temp"]
daily = pd.read_csv("turbines.csv", parse_dates=["date"]).sort_values(["turbine", "date"])
by_turbine = daily.groupby("turbine")
for c in SENSORS:
    daily[c + "_prev"] = by_turbine[c].shift(1)
faults = daily.groupby("turbine")["fault"]
daily["fault_rate"] = faults.transform(lambda s: ${window})
FEATURES = [c + "_prev" for c in SENSORS] + ["fault_rate"]
train, test = daily[daily["date"] < "2024-01-01"], daily[daily["date"] >= "2024-01-01"]
clf = HistGradientBoostingClassifier().fit(train[FEATURES], train["fault"])${mark}
print(clf.score(test[FEATURES], test["fault"]))
`;
  it('an expanding mean of the fault that includes the day itself: reported', async () => {
    await check(prog('s.expanding().mean()', '  # <- leak-target'));
  });

  it('shifted first: nothing', async () => {
    await check(prog('s.shift(1).expanding().mean()'));
  });
});

describe('a mask turned into an array, (df["date"] < cutoff).to_numpy(), and its complement', () => {
  const prog = (fit: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import Ridge
runs = pd.read_csv("runs.csv", parse_dates=["departed"])
COLS = ["seg_1", "seg_2", "seg_3"]
is_train = (runs["departed"] < "2024-06-01").to_numpy()
${fit}${mark}
y = runs["delay"].to_numpy()
model = Ridge().fit(X[is_train], y[is_train])
print(model.score(X[~is_train], y[~is_train]))
`;
  it('PCA fit on every run, then the two parts: reported', async () => {
    await check(prog('X = PCA(n_components=2).fit_transform(runs[COLS])', '  # <- leak-preprocessing'));
  });

  it('PCA fit on the earlier runs: nothing', async () => {
    await check(prog('X = PCA(n_components=2).fit(runs[COLS][is_train]).transform(runs[COLS])'));
  });
});

describe('a tf.data dataset shuffled with reshuffling, then cut by take/skip', () => {
  const prog = (shuffle: string, mark = '') => `
import numpy as np
import tensorflow as tf
X = np.load("learners.npy")
y = np.load("retained.npy")
n_test = int(0.2 * len(X))
ds = tf.data.Dataset.from_tensor_slices((X, y)).${shuffle}${mark}
test_ds = ds.take(n_test).batch(256)
train_ds = ds.skip(n_test).batch(256)
model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=10)
print(model.evaluate(test_ds))
`;
  it('reshuffled every epoch (the default): reported', async () => {
    await check(prog('shuffle(len(X), seed=4)', '  # <- leak-overlap'));
  });

  it('reshuffle_each_iteration=False: nothing', async () => {
    await check(prog('shuffle(len(X), seed=4, reshuffle_each_iteration=False)'));
  });

  it('shuffled after the cut, the training part only: nothing', async () => {
    await check(
      prog('batch(1)').replace(
        'train_ds = ds.skip(n_test).batch(256)',
        'train_ds = ds.skip(n_test).shuffle(1024).batch(256)',
      ),
    );
  });
});

describe('thresholds from np.round(np.arange(…)), predictions by np.where', () => {
  const prog = (scored: string) => `
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
X, y = load_breast_cancer(return_X_y=True)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
clf = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
proba = clf.predict_proba(${scored})[:, 1]
best_t, best_f1 = 0.5, -1.0
for t in np.round(np.arange(0.1, 0.91, 0.05), 2):
    f1 = f1_score(${scored === 'X_te' ? 'y_te' : 'y_tr'}, np.where(proba >= t, 1, 0))MARK
    if f1 > best_f1:
        best_t, best_f1 = t, f1
print(best_t, f1_score(y_te, np.where(clf.predict_proba(X_te)[:, 1] >= best_t, 1, 0)))
`;
  it('chosen on the test part: reported', async () => {
    await check(prog('X_te').replace('MARK', '  # <- leak-selection'));
  });

  it('chosen on the training part (a stand-in for out-of-fold scores), the test part scored once: nothing', async () => {
    await check(prog('X_tr').replace('MARK', ''));
  });
});

describe('columns added to a selection of columns, inside a model class', () => {
  const prog = (extra: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
COLS = ["party_size", "lead_days"]

class NoShowModel:
    def __init__(self, visits):
        self.visits = visits.set_index("booking_id")
        self.clf = HistGradientBoostingClassifier()

    def features(self, bookings):
        X = bookings[COLS].copy()
        X["hour"] = bookings["slot"].dt.hour${extra}
        return X

    def fit(self, bookings, y):
        self.clf.fit(self.features(bookings), y)${mark}
        return self

bookings = pd.read_csv("bookings.csv", parse_dates=["slot"])
visits = pd.read_csv("visits.csv")
train, test = bookings[bookings["slot"] < "2024-06-01"], bookings[bookings["slot"] >= "2024-06-01"]
model = NoShowModel(visits).fit(train, train["no_show"])
`;
  it('the deposit forfeited (known once the guest did not come): reported', async () => {
    await check(
      prog(
        '\n        X["deposit_forfeited"] = self.visits.reindex(bookings["booking_id"])["deposit_forfeited"].to_numpy()',
        '  # <- leak-target',
      ),
    );
  });

  it('booking-time columns only: nothing', async () => {
    await check(prog(''));
  });
});

describe('entries of a dict of parts replaced in a loop over its items', () => {
  const prog = (fill: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
NUM = ["age", "income"]
df = pd.read_csv("people.csv")
train, test = train_test_split(df, test_size=0.2, random_state=0)
parts = {"train": train, "test": test}
for name, part in parts.items():
    parts[name] = part.fillna(${fill})${mark}
clf = LogisticRegression().fit(parts["train"][NUM], parts["train"]["y"])
print(clf.score(parts["test"][NUM], parts["test"]["y"]))
`;
  it('filled with the medians of every row: reported', async () => {
    await check(prog('df[NUM].median()', '  # <- leak-preprocessing'));
  });

  it('filled with the medians of the training part: nothing', async () => {
    await check(prog('train[NUM].median()'));
  });
});

describe('a statistic of the target within groups the split keeps whole', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
orders = pd.read_csv("orders.csv", parse_dates=["ordered"])
orders["date"] = orders["ordered"].dt.normalize()
${feature}
FEATS = ["distance_km", "store_day_avg"]
train, test = orders[orders["date"] < "2024-09-01"], orders[orders["date"] >= "2024-09-01"]
model = HistGradientBoostingRegressor().fit(train[FEATS], train["minutes"])${mark}
print(model.score(test[FEATS], test["minutes"]))
`;
  it('the same day’s mean of the minutes at the store (the row itself included): reported', async () => {
    await check(
      prog(
        'orders["store_day_avg"] = orders.groupby(["store", "date"])["minutes"].transform("mean")',
        '  # <- leak-target',
      ),
    );
  });

  it('the previous day’s mean, merged back: nothing', async () => {
    await check(
      prog(`daily = orders.groupby(["store", "date"])["minutes"].mean().rename("store_day_avg")
daily = daily.groupby(level="store").shift(1).reset_index()
orders = orders.merge(daily, on=["store", "date"], how="left")`),
    );
  });
});
