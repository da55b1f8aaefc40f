/**
 * Data-flow capabilities for the preprocessing and selection misses of held-out v5, v7 and v8 (tuning data since they
 * were reported): each with a leaky program (the lines that must be reported marked `# <- rule`) and programs that
 * must report nothing. The programs are written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */

describe('keyword arguments given through **kwargs of a dict written out', () => {
  const prog = (params: string, fit: string, mark: string) => `
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
loans = pd.read_parquet("loans.parquet")
X_tr, X_te, y_tr, y_te = train_test_split(loans.drop(columns="default"), loans["default"], random_state=3)
X_fit, X_stop, y_fit, y_stop = train_test_split(X_tr, y_tr, random_state=3)
${params}
gbm = lgb.LGBMClassifier(**cfg)
gbm.fit(${fit})${mark}
print(roc_auc_score(y_te, gbm.predict_proba(X_te)[:, 1]))
`;
  it('dict(early_stopping_rounds=…) spread into the model, then the test set as eval_set', () =>
    check(
      prog(
        'cfg = dict(n_estimators=5000, early_stopping_rounds=100)',
        'X_tr, y_tr, eval_set=[(X_te, y_te)]',
        '  # <- leak-selection',
      ),
    ));

  it('a {"key": value} literal spread likewise', () =>
    check(
      prog(
        'cfg = {"n_estimators": 5000, "early_stopping_rounds": 100}',
        'X_tr, y_tr, eval_set=[(X_te, y_te)]',
        '  # <- leak-selection',
      ),
    ));

  it('fit keywords spread from a dict: eval_set=[(X_te, y_te)] inside it', () =>
    check(
      prog(
        'cfg = dict(n_estimators=5000, early_stopping_rounds=100)\nfit_kw = {"eval_set": [(X_te, y_te)]}',
        'X_tr, y_tr, **fit_kw',
        '  # <- leak-selection',
      ),
    ));

  it('early stopping on a validation part cut from the training rows: nothing', () =>
    check(
      prog(
        'cfg = dict(n_estimators=5000, early_stopping_rounds=100)',
        'X_fit, y_fit, eval_set=[(X_stop, y_stop)]',
        '',
      ),
    ));

  it.each([
    'cfg = {"n_estimators": 5000}\ncfg["early_stopping_rounds"] = 100',
    'cfg = dict(n_estimators=5000)\ncfg.update(early_stopping_rounds=100)',
    'cfg = {"n_estimators": 5000}\ncfg.update({"early_stopping_rounds": 100})',
  ])('the dict changed before it is spread: %s', (params) =>
    check(prog(params, 'X_tr, y_tr, eval_set=[(X_te, y_te)]', '  # <- leak-selection')),
  );

  it('early stopping set later by set_params', () =>
    check(
      prog(
        'cfg = dict(n_estimators=5000)',
        'X_tr, y_tr, eval_set=[(X_te, y_te)]',
        '  # <- leak-selection',
      ).replace('gbm.fit(', 'gbm.set_params(early_stopping_rounds=100)\ngbm.fit('),
    ));

  it('no early stopping in the spread dict: the eval_set only reports scores', () =>
    check(prog('cfg = dict(n_estimators=300)', 'X_tr, y_tr, eval_set=[(X_te, y_te)]', '')));
});

describe('frames passed around as a list: one item each', () => {
  const prog = (ref: string, mark: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score
jan = pd.read_csv("claims_jan.csv")
feb = pd.read_csv("claims_feb.csv")

def bucket_rare(parts, col, keep):
    ${ref}
    table = pool[col].value_counts()${mark}
    common = set(table[table >= keep].index)
    copies = [p.copy() for p in parts]
    for p in copies:
        p[col] = p[col].where(p[col].isin(common), "other")
    return copies

jan, feb = bucket_rare([jan, feb], "provider", 50)
clf = RandomForestClassifier().fit(pd.get_dummies(jan[["provider", "amount"]]), jan["fraud"])
print(f1_score(feb["fraud"], clf.predict(pd.get_dummies(feb[["provider", "amount"]]))))
`;
  it('category counts of both months together reach the later month', () =>
    check(prog('pool = pd.concat(parts)', '  # <- leak-preprocessing')));

  it('counts of the first month only: nothing', () => check(prog('pool = parts[0]', '')));
});

describe('statistics given to a method of the data', () => {
  const prog = (line: string, mark: string) => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
plants = pd.read_csv("plants.csv")
feats = plants[["temp", "humidity", "light"]]
${line}${mark}
X_tr, X_te, y_tr, y_te = train_test_split(feats, plants["growth"], random_state=1)
print(Ridge().fit(X_tr, y_tr).score(X_te, y_te))
`;
  // One finding per statistic, as for (feats - feats.mean()) / feats.std().
  it('feats.sub(feats.mean()).div(feats.std()): a z-score of all rows', () =>
    check(
      prog(
        'feats = feats.sub(feats.mean()).div(feats.std())',
        '  # <- leak-preprocessing # <- leak-preprocessing',
      ),
    ));

  it('a fixed shift and scale: nothing', () => check(prog('feats = feats.sub(20).div(10)', '')));
});

describe('a function mapped over texts keeps its defaults', () => {
  const prog = (fitOn: string, mark: string) => `
import numpy as np
import pandas as pd
from gensim.models import FastText
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
tickets = pd.read_csv("tickets.csv")
tickets["words"] = tickets["body"].str.lower().str.split()
train, test = train_test_split(tickets, random_state=5)
ft = FastText(sentences=${fitOn}["words"].tolist(), vector_size=64, min_count=2)${mark}

def embed(words, vectors=ft.wv):
    found = [vectors[w] for w in words if w in vectors]
    return np.mean(found, axis=0) if found else np.zeros(64)

clf = LogisticRegression().fit(np.vstack(train["words"].map(embed)), train["urgent"])
print(clf.score(np.vstack(test["words"].map(embed)), test["urgent"]))
`;
  it('word vectors learnt from every ticket, pooled per ticket by a helper', () =>
    check(prog('tickets', '  # <- leak-preprocessing')));

  it('word vectors learnt from the training tickets: nothing', () => check(prog('train', '')));
});

describe('an encoder taken out of an autoencoder', () => {
  const prog = (fitOn: string, mark: string) => `
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from tensorflow import keras
sensors = pd.read_csv("pump_sensors.csv")
X = sensors.drop(columns=["failed"]).to_numpy("float32")
X_tr, X_te, y_tr, y_te = train_test_split(X, sensors["failed"], random_state=4)
x_in = keras.Input(shape=(X.shape[1],))
z = keras.layers.Dense(8, activation="tanh")(x_in)
x_out = keras.layers.Dense(X.shape[1])(z)
ae = keras.Model(x_in, x_out)
enc = keras.Model(x_in, z)
ae.compile(optimizer="adam", loss="mse")
everything = np.concatenate([X_tr, X_te])
ae.fit(${fitOn}, ${fitOn}, epochs=30)${mark}
rf = RandomForestClassifier().fit(np.hstack([X_tr, enc.predict(X_tr)]), y_tr)
print(rf.score(np.hstack([X_te, enc.predict(X_te)]), y_te))
`;
  it('the autoencoder trained on training and test rows: its codes are features', () =>
    check(prog('everything', '  # <- leak-preprocessing')));

  it('trained on the training rows only: nothing', () => check(prog('X_tr', '')));
});

describe("another model's outputs among the features", () => {
  const prog = (fitOn: string, mark: string) => `
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.mixture import GaussianMixture
from sklearn.model_selection import train_test_split
visits = pd.read_csv("visits.csv")
X, y = visits.drop(columns="bought").to_numpy(), visits["bought"].to_numpy()
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=9)
gm = GaussianMixture(n_components=6).fit(${fitOn})${mark}
clf = LogisticRegression().fit(np.column_stack([X_tr, gm.predict_proba(X_tr)]), y_tr)
print(clf.score(np.column_stack([X_te, gm.predict_proba(X_te)]), y_te))
`;
  it('a mixture fit on all visits: its memberships leak the test visits', () =>
    check(prog('X', '  # <- leak-preprocessing')));

  it('fit on the training visits: nothing', () => check(prog('X_tr', '')));
});

describe('a trend fit on the whole series, then a split in time by a position of the index', () => {
  const prog = (fit: string, mark: string) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
TEST = 26
weekly = pd.read_csv("kwh.csv", index_col="week", parse_dates=True)
step = np.arange(len(weekly))
cut = len(weekly) - TEST
coefs = ${fit}${mark}
weekly["level"] = np.polyval(coefs, step)
weekly["gap"] = weekly["kwh"] - weekly["level"]
for k in (1, 2, 52):
    weekly[f"gap_{k}"] = weekly["gap"].shift(k)
weekly = weekly.dropna()
cols = [c for c in weekly.columns if c.startswith("gap_")] + ["temp"]
train = weekly[weekly.index < weekly.index[-TEST]]
test = weekly[weekly.index >= weekly.index[-TEST]]
model = Ridge().fit(train[cols], train["gap"])
print(mean_absolute_error(test["gap"], model.predict(test[cols])))
`;
  it('np.polyfit over every week: the detrended lags carry the test weeks', () =>
    check(prog('np.polyfit(step, weekly["kwh"], deg=1)', '  # <- leak-preprocessing')));

  it('fit on the weeks before the cut: nothing', () =>
    check(prog('np.polyfit(step[:cut], weekly["kwh"].to_numpy()[:cut], deg=1)', '')));

  it('features that do not read the trend: nothing', () => {
    const text = prog('np.polyfit(step, weekly["kwh"], deg=1)', '').replace(
      '[c for c in weekly.columns if c.startswith("gap_")] + ["temp"]',
      '["temp"]',
    );
    return check(text);
  });
});

describe('the training batches carry statistics of the test images', () => {
  const prog = (pool: string, mark: string) => `
import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
plain = transforms.ToTensor()
fit_set = datasets.FashionMNIST("data", train=True, download=True, transform=plain)
eval_set = datasets.FashionMNIST("data", train=False, download=True, transform=plain)
pixels = ${pool}
mu, sigma = pixels.mean().item(), pixels.std().item()${mark}
norm = transforms.Compose([transforms.ToTensor(), transforms.Normalize((mu,), (sigma,))])
train_loader = DataLoader(datasets.FashionMNIST("data", train=True, transform=norm), batch_size=128, shuffle=True)
test_loader = DataLoader(datasets.FashionMNIST("data", train=False, transform=norm), batch_size=512)
`;
  it('mean and std of the training and test images: reported where they are computed, with no training loop', () =>
    check(prog('torch.cat([fit_set.data, eval_set.data]).float() / 255.0', '  # <- leak-preprocessing')));

  it('of the training images only: nothing', () => check(prog('fit_set.data.float() / 255.0', '')));
});

describe('cut points and counts of all rows computed by hand', () => {
  const prog = (before: string, after: string) => `
import numpy as np
import pandas as pd
from scipy import stats
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
shops = pd.read_csv("shops.csv")
X = shops[["rent", "footfall"]].to_numpy()
${before}
X_tr, X_te, y_tr, y_te = train_test_split(X, shops["closed"], random_state=2)
${after}
print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))
`;
  it.each([
    [
      'np.clip(X, lo, hi) with np.percentile of all rows',
      'lo, hi = np.percentile(X, [2, 98], axis=0)  # <- leak-preprocessing\nX = np.clip(X, lo, hi)',
    ],
    [
      'np.where(X > cap, cap, X) with np.quantile of all rows',
      'cap = np.quantile(X, 0.98, axis=0)  # <- leak-preprocessing\nX = np.where(X > cap, cap, X)',
    ],
    ['scipy.stats.zscore of all rows', 'X = stats.zscore(X)  # <- leak-preprocessing'],
  ])('%s', (_name, before) => check(prog(before, '')));

  it('cut points of the training rows applied to both parts: nothing', () =>
    check(
      prog(
        '',
        'lo, hi = np.percentile(X_tr, [2, 98], axis=0)\nX_tr, X_te = np.clip(X_tr, lo, hi), np.clip(X_te, lo, hi)',
      ),
    ));

  const rare = (counted: string, mark: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
shops = pd.read_csv("shops.csv")
train, test = train_test_split(shops, random_state=2)
sizes = ${counted}["chain"].value_counts()${mark}
small = sizes[sizes < 5].index
for part in (train, test):
    part.loc[part["chain"].isin(small), "chain"] = "independent"
clf = LogisticRegression().fit(pd.get_dummies(train[["chain", "rent"]]), train["closed"])
print(clf.score(pd.get_dummies(test[["chain", "rent"]]), test["closed"]))
`;
  it('rare chains found by counting both parts, then relabelled through .loc[mask, col]', () =>
    check(rare('pd.concat([train, test])', '  # <- leak-preprocessing')));

  it('counted in the training part: nothing', () => check(rare('train', '')));
});

describe('the models a Keras container is made of are trained with it', () => {
  const prog = (fitOn: string, mark: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from tensorflow import keras
meters = pd.read_csv("meters.csv")
X = meters.drop(columns="tampered").to_numpy("float32")
X_tr, X_te, y_tr, y_te = train_test_split(X, meters["tampered"], random_state=6)
encoder = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(4)])
decoder = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(X.shape[1])])
autoencoder = keras.Sequential([encoder, decoder])
autoencoder.compile(optimizer="adam", loss="mse")
autoencoder.fit(${fitOn}, ${fitOn}, epochs=20)${mark}
clf = LogisticRegression().fit(encoder.predict(X_tr), y_tr)
print(clf.score(encoder.predict(X_te), y_te))
`;
  it('the autoencoder fit on all meters: the encoder codes leak the test meters', () =>
    check(prog('X', '  # <- leak-preprocessing')));

  it('fit on the training meters: nothing', () => check(prog('X_tr', '')));
});

describe('word vectors trained after the model is made', () => {
  const w2v = (docs: string, mark: string) => `
import numpy as np
import pandas as pd
from gensim.models import Word2Vec
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
notes = pd.read_csv("notes.csv")
tr, te = train_test_split(notes, random_state=0)
wv_model = Word2Vec(vector_size=32, min_count=1)
wv_model.build_vocab(${docs})
wv_model.train(${docs}, total_examples=len(${docs}), epochs=5)${mark}
emb = lambda toks: np.mean([wv_model.wv[w] for w in toks if w in wv_model.wv], axis=0)
clf = LogisticRegression().fit(np.vstack([emb(t) for t in tr["toks"]]), tr["flag"])
print(clf.score(np.vstack([emb(t) for t in te["toks"]]), te["flag"]))
`;
  it('Word2Vec.build_vocab / train on every note', () =>
    check(w2v('notes["toks"].tolist()', '  # <- leak-preprocessing')));

  it('on the training notes: nothing', () => check(w2v('tr["toks"].tolist()', '')));

  it("Doc2Vec's vector of each document trained on, before the split", () =>
    check(`
import numpy as np
import pandas as pd
from gensim.models.doc2vec import Doc2Vec, TaggedDocument
from sklearn.svm import LinearSVC
from sklearn.model_selection import train_test_split
notes = pd.read_csv("notes.csv")
docs = [TaggedDocument(t.split(), [k]) for k, t in enumerate(notes["text"])]
d2v = Doc2Vec(docs, vector_size=32, epochs=10)  # <- leak-preprocessing
X = np.vstack([d2v.dv[k] for k in range(len(notes))])
X_tr, X_te, y_tr, y_te = train_test_split(X, notes["flag"], random_state=0)
print(LinearSVC().fit(X_tr, y_tr).score(X_te, y_te))
`));
});
