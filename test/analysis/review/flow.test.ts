/**
 * The data-flow analysis behind the leakage rules, one capability at a time: each program is reviewed for leakage and
 * the findings (rule and line) compared with the lines that must be reported, and its fixed form must report none.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */

describe('function summaries: a helper is interpreted with the caller’s data', () => {
  it('a helper that fits a scaler on the data it is given, called before the split', () =>
    check(`
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

def scale(features):
    return StandardScaler().fit_transform(features)  # <- leak-preprocessing

X, y = np.load("x.npy"), np.load("y.npy")
X = scale(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
print(SVC().fit(X_train, y_train).score(X_test, y_test))
`));

  it('the same helper fitting on the training part, and one returning both parts, report nothing', () =>
    check(`
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

def scale(train_part, test_part):
    scaler = StandardScaler().fit(train_part)
    return scaler.transform(train_part), scaler.transform(test_part)

X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_train, X_test = scale(X_train, X_test)
print(SVC().fit(X_train, y_train).score(X_test, y_test))
`));

  it('preprocess(df) computing statistics of the whole frame, directly and through df.pipe', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

def preprocess(df, col="income"):
    df = df.copy()
    df[col] = df[col].fillna(df[col].median())  # <- leak-preprocessing
    return df

def zscore(frame, cols):
    frame = frame.copy()
    frame[cols] = (frame[cols] - frame[cols].mean()) / 2  # <- leak-preprocessing
    return frame

a = preprocess(pd.read_csv("a.csv"))
tr, te = train_test_split(a, random_state=0)
LogisticRegression().fit(tr[["income"]], tr["y"]).score(te[["income"]], te["y"])
b = pd.read_csv("b.csv").pipe(zscore, cols=["age"])
tr2, te2 = train_test_split(b, random_state=0)
LogisticRegression().fit(tr2[["age"]], tr2["y"]).score(te2[["age"]], te2["y"])
`));

  it('a helper that oversamples, called before the split; one finding however often it is called', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

def upsample(frame):
    rare = frame[frame["y"] == 1]
    return pd.concat([frame, rare.sample(500, replace=True, random_state=0)])  # <- leak-overlap

df = upsample(pd.read_csv("a.csv"))
tr, te = train_test_split(df, random_state=0)
LogisticRegression().fit(tr[["x"]], tr["y"]).score(te[["x"]], te["y"])
df2 = upsample(pd.read_csv("b.csv"))
tr2, te2 = train_test_split(df2, random_state=0)
LogisticRegression().fit(tr2[["x"]], tr2["y"]).score(te2[["x"]], te2["y"])
`));

  it('branches and their bodies are interpreted (a fit inside an if), a literal flag decides a branch', () =>
    check(`
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler
from sklearn.linear_model import Ridge

def prepare(X, scale_all):
    if scale_all:
        X = MinMaxScaler().fit_transform(X)  # <- leak-preprocessing
    return X

X, y = np.load("x.npy"), np.load("y.npy")
X1 = prepare(X, scale_all=True)
X_train, X_test, y_train, y_test = train_test_split(X1, y, random_state=0)
Ridge().fit(X_train, y_train).score(X_test, y_test)
X2 = prepare(np.load("z.npy"), scale_all=False)
Z_train, Z_test, w_train, w_test = train_test_split(X2, y, random_state=0)
Ridge().fit(Z_train, w_train).score(Z_test, w_test)
`));
});

const TORCH_HEAD = `
import copy
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split
X = np.load("x.npy").astype(np.float32)
y = np.load("y.npy").astype(np.int64)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.2, random_state=0)
train_dl = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)), batch_size=64)
val_dl = DataLoader(TensorDataset(torch.from_numpy(X_va), torch.from_numpy(y_va)), batch_size=256)
test_dl = DataLoader(TensorDataset(torch.from_numpy(X_te), torch.from_numpy(y_te)), batch_size=256)
net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loss_fn = nn.CrossEntropyLoss()

def run_epoch(loader, train):
    total, hits = 0.0, 0
    for xb, yb in loader:
        out = net(xb)
        loss = loss_fn(out, yb)
        if train:
            opt.zero_grad()
            loss.backward()
            opt.step()
        total += loss.item()
        hits += (out.argmax(1) == yb).sum().item()
    return hits / len(loader.dataset)
`;

describe('PyTorch training loops: backward() trains, a score that decides selects', () => {
  it('keeping the epoch with the best test accuracy', () =>
    check(
      `${TORCH_HEAD}
best = 0.0
for epoch in range(20):
    run_epoch(train_dl, train=True)
    acc = run_epoch(test_dl, train=False)
    if acc > best:
        best, state = acc, copy.deepcopy(net.state_dict())
print(best)
`.replace(
        '        hits += (out.argmax(1) == yb).sum().item()\n',
        '        hits += (out.argmax(1) == yb).sum().item()  # <- leak-selection\n',
      ),
    ));

  it('choosing the epoch on a validation loader, then the test loader once: nothing', () =>
    check(`${TORCH_HEAD}
best = 0.0
for epoch in range(20):
    run_epoch(train_dl, train=True)
    acc = run_epoch(val_dl, train=False)
    if acc > best:
        best, state = acc, copy.deepcopy(net.state_dict())
net.load_state_dict(state)
print(run_epoch(test_dl, train=False))
`));

  it('early stopping with patience on the test loss, written inline', () =>
    check(`${TORCH_HEAD}
best, bad = float("inf"), 0
for epoch in range(100):
    for xb, yb in train_dl:
        opt.zero_grad()
        loss_fn(net(xb), yb).backward()
        opt.step()
    with torch.no_grad():
        test_loss = sum(loss_fn(net(xb), yb).item() for xb, yb in test_dl)  # <- leak-selection
    if test_loss < best:
        best, bad = test_loss, 0
    else:
        bad += 1
    if bad >= 5:
        break
`));

  it('an early-stopping helper object fed the test loss', () =>
    check(`${TORCH_HEAD}
class EarlyStopping:
    def __init__(self, patience):
        self.patience, self.early_stop = patience, False

early_stopping = EarlyStopping(patience=7)
for epoch in range(100):
    run_epoch(train_dl, train=True)
    test_loss = sum(loss_fn(net(xb), yb).item() for xb, yb in test_dl)  # <- leak-selection
    early_stopping(test_loss, net)
    if early_stopping.early_stop:
        break
`));

  it('a Hugging Face dataset split by its own train_test_split, the "test" part choosing the epoch', () =>
    check(`
import torch
from datasets import load_dataset
from torch.utils.data import DataLoader
parts = load_dataset("csv", data_files="d.csv")["train"].train_test_split(test_size=0.2, seed=0)
train_dl = DataLoader(parts["train"], batch_size=32)
test_dl = DataLoader(parts["test"], batch_size=32)
net = torch.nn.Linear(4, 2)
opt = torch.optim.Adam(net.parameters())
best = 0
for epoch in range(10):
    for b in train_dl:
        torch.nn.functional.cross_entropy(net(b["x"]), b["y"]).backward()
        opt.step()
    acc = sum((net(b["x"]).argmax(1) == b["y"]).sum().item() for b in test_dl)  # <- leak-selection
    if acc > best:
        best = acc
`));

  it('monitoring the test accuracy every epoch without acting on it is no selection', () =>
    check(`${TORCH_HEAD}
for epoch in range(20):
    run_epoch(train_dl, train=True)
    print(epoch, run_epoch(test_dl, train=False))
`));

  it('a phase loop over a dict of loaders: the "test" phase chooses the weights', () =>
    check(`${TORCH_HEAD}
loaders = {"train": train_dl, "test": test_dl}
best = 0.0
for epoch in range(20):
    for phase in ["train", "test"]:
        hits = 0
        for xb, yb in loaders[phase]:
            out = net(xb)
            if phase == "train":
                loss_fn(out, yb).backward()
                opt.step()
            hits += (out.argmax(1) == yb).sum().item()  # <- leak-selection
        if phase == "test" and hits > best:
            best = hits
`));

  const LIGHTNING = `${TORCH_HEAD}
import lightning as L
from lightning.pytorch.callbacks import EarlyStopping

class Model(L.LightningModule):
    pass

model = Model()
trainer = L.Trainer(callbacks=[EarlyStopping(monitor="val_loss")])
`;

  it('the best checkpoint of a Lightning fit validated on the test loader, then tested on it', () =>
    check(`${LIGHTNING}
trainer.fit(model, train_dl, test_dl)  # <- leak-selection
trainer.test(model, test_dl)
`));

  it('a Lightning fit validated on a validation loader, then tested once: nothing', () =>
    check(`${LIGHTNING}
trainer.fit(model, train_dataloaders=train_dl, val_dataloaders=val_dl)
trainer.test(model, dataloaders=test_dl)
`));

  it('torchvision datasets with train=False are the test part of a predefined split', () =>
    check(`
import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
tf = transforms.ToTensor()
train = DataLoader(datasets.MNIST("data", train=True, transform=tf), batch_size=64)
test = DataLoader(datasets.MNIST("data", train=False, transform=tf), batch_size=256)
net = torch.nn.Linear(784, 10)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
best = 0
for epoch in range(5):
    for x, y in train:
        torch.nn.functional.cross_entropy(net(x.flatten(1)), y).backward()
        opt.step()
    acc = sum((net(x.flatten(1)).argmax(1) == y).sum().item() for x, y in test)  # <- leak-selection
    if acc > best:
        best = acc
`));
});

describe('copies of rows: concatenations and repeats before the split', () => {
  it('augmented copies concatenated with the originals before the split, and before a hand-made cut', () =>
    check(`
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
X, y = np.load("x.npy"), np.load("y.npy")
X_all = np.concatenate([X, X[:, ::-1]])  # <- leak-overlap
y_all = np.concatenate([y, y])  # <- leak-overlap
X_train, X_test, y_train, y_test = train_test_split(X_all, y_all, random_state=0)
LogisticRegression().fit(X_train, y_train).score(X_test, y_test)
Z = np.load("z.npy")
Z_all = np.vstack([Z] + [Z + 0.01 for _ in range(3)])  # <- leak-overlap
m = LogisticRegression().fit(Z_all[:800], y[:800])
m.score(Z_all[800:], y[800:])
`));

  it('augmenting the training part, joining disjoint subsets and column-wise concatenation: nothing', () =>
    check(`
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_train = np.concatenate([X_train, X_train[:, ::-1]])
y_train = np.concatenate([y_train, y_train])
LogisticRegression().fit(X_train, y_train).score(X_test, y_test)
df = pd.read_csv("d.csv")
df = pd.concat([df[df["y"] == 1], df[df["y"] == 0]])
df = pd.concat([df, df.rank()], axis=1)
tr, te = train_test_split(df, random_state=0)
LogisticRegression().fit(tr[["a"]], tr["y"]).score(te[["a"]], te["y"])
`));

  it('a Dataset wrapper of the same images joined to them, and np.repeat, before the split', () =>
    check(`
import numpy as np
import torch
from torch.utils.data import ConcatDataset, Dataset, random_split
from torchvision import datasets
from sklearn.model_selection import cross_val_score
from sklearn.svm import SVC

class Flip(Dataset):
    def __init__(self, base):
        self.base = base

images = datasets.ImageFolder("imgs")
train_set, test_set = random_split(ConcatDataset([images, Flip(images)]), [0.8, 0.2])  # <- leak-overlap
X, y = np.load("x.npy"), np.load("y.npy")
print(cross_val_score(SVC(), np.repeat(X, 2, axis=0), np.repeat(y, 2), cv=5))  # <- leak-overlap
`));
});

describe('other flows', () => {
  it('a keras layer adapted on all the data, inside the model trained on a part', () =>
    check(`
import numpy as np
from tensorflow import keras
X, y = np.load("x.npy"), np.load("y.npy")
norm = keras.layers.Normalization()
norm.adapt(X)  # <- leak-preprocessing
order = np.random.default_rng(0).permutation(len(X))
tr, te = order[:800], order[800:]
model = keras.Sequential([norm, keras.layers.Dense(1)])
model.fit(X[tr], y[tr])
model.evaluate(X[te], y[te])
`));

  it('the same layer adapted on the training part: nothing', () =>
    check(`
import numpy as np
from tensorflow import keras
X, y = np.load("x.npy"), np.load("y.npy")
order = np.random.default_rng(0).permutation(len(X))
tr, te = order[:800], order[800:]
norm = keras.layers.Normalization()
norm.adapt(X[tr])
model = keras.Sequential([norm, keras.layers.Dense(1)])
model.fit(X[tr], y[tr])
model.evaluate(X[te], y[te])
`));

  it('a checkpoint file: the best model by test AUC is loaded back and scored on the test set', () =>
    check(`
import numpy as np
from tensorflow import keras
from sklearn.model_selection import train_test_split
X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
net = keras.Sequential([keras.layers.Dense(1)])
ckpt = keras.callbacks.ModelCheckpoint("best.keras", save_best_only=True)
net.fit(X_train, y_train, validation_data=(X_test, y_test), callbacks=[ckpt])  # <- leak-selection
best = keras.models.load_model("best.keras")
best.evaluate(X_test, y_test)
`));

  it('a target encoding by groupby()[column].transform before the split', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("clicks.csv")
df["city_rate"] = df.groupby("city")["clicked"].transform("mean")  # <- leak-preprocessing
tr, te = train_test_split(df, random_state=0)
LogisticRegression().fit(tr[["city_rate"]], tr["clicked"]).score(te[["city_rate"]], te["clicked"])
`));

  it('column names held in constants: df[NUMERIC] is a selection of columns, df[TARGET] the target', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
NUMERIC = ["a", "b"]
TARGET = "y"
df = pd.read_csv("d.csv").drop_duplicates()
tr, te = train_test_split(df, random_state=0)
LogisticRegression().fit(tr[NUMERIC], tr[TARGET]).score(te[NUMERIC], te[TARGET])
LogisticRegression().fit(tr, tr[TARGET])  # <- leak-target
`));
});
