/**
 * The thirty-second round of data-flow capabilities (issue 16; held-out v32's failures, tuning data since its report;
 * v33 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a list of column names built by extend() holds the names it was given, not every column', () => {
  const prog = (group: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
GROUPS = {"calf": ["birth_weight_kg", "sex_male"], "dam": ["dam_age"], "outcome": ["survived", "dam_age"]}
df = pd.read_csv("calves.csv")
y = df["survived"]
train_df, test_df, y_train, y_test = train_test_split(df, y, random_state=0)
cols = []
for g in ${group}:
    cols.extend(GROUPS[g])
model = LogisticRegression().fit(train_df[cols], y_train)${mark}
print(model.score(test_df[cols], y_test))
`;
  it('groups of features chosen by a key in a loop (nothing: the names are not known, not the whole frame)', async () => {
    await check(prog('["calf", "dam"]'));
  });
  it('one group written out, the target not in it (nothing)', async () => {
    await check(prog('["calf"]').replace('cols.extend(GROUPS[g])', 'cols.extend(GROUPS["calf"])'));
  });
  it('a group written out that holds the target: reported', async () => {
    await check(
      prog('["outcome"]', '  # <- leak-target').replace(
        'cols.extend(GROUPS[g])',
        'cols.extend(GROUPS["outcome"])',
      ),
    );
  });
});

describe("a splitter's split() of an outer part's positions splits that part", () => {
  const prog = (fitRows: string, mark = '') => `
import numpy as np
import torch
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
segments = np.load("segments.npy")
y = np.load("labels.npy")
wearers = np.load("wearers.npy")
train_idx, test_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(segments, y, groups=wearers))
inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=1)
fit_pos, val_pos = next(inner.split(train_idx, y[train_idx], groups=wearers[train_idx]))
fit_idx, val_idx = train_idx[fit_pos], train_idx[val_pos]
model = torch.nn.Linear(64, 1)
opt = torch.optim.Adam(model.parameters())
X_fit = torch.tensor(segments[${fitRows}], dtype=torch.float32)
y_fit = torch.tensor(y[${fitRows}], dtype=torch.float32)
for epoch in range(10):
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(X_fit).squeeze(1), y_fit)
    opt.zero_grad()
    loss.backward()${mark}
    opt.step()
with torch.no_grad():
    p = model(torch.tensor(segments[test_idx], dtype=torch.float32)).squeeze(1).numpy()
print(roc_auc_score(y[test_idx], p))
`;
  it('trained on the inner fitting part, scored on the outer test part (nothing)', async () => {
    await check(prog('fit_idx'));
  });
  it('trained on the test positions: reported', async () => {
    await check(prog('test_idx', '  # <- leak-overlap'));
  });
});

describe("a DataLoader's batches are its dataset's items, whatever its settings", () => {
  const prog = (batch: string, mark = '') => `
import argparse
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
p = argparse.ArgumentParser()
p.add_argument("--batch-size", type=int, default=128)
args = p.parse_args()
segments = np.load("segments.npy")
meta = pd.read_csv("meta.csv")
y = meta["af_label"].to_numpy()


def make_loader(x, labels, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(x, dtype=torch.float32), torch.tensor(labels, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


inputs = ${batch === 'label' ? 'np.column_stack([segments, y])' : 'segments'}
loader = make_loader(inputs, y, ${batch === 'label' ? '128' : batch}, True)
model = nn.Linear(751, 1)
opt = torch.optim.Adam(model.parameters())
for xb, yb in loader:
    loss = nn.functional.binary_cross_entropy_with_logits(model(xb).squeeze(1), yb)
    opt.zero_grad()
    loss.backward()${mark}
    opt.step()
`;
  it('a batch size read from the command line (nothing)', async () => {
    await check(prog('args.batch_size'));
  });
  it('the label stacked into the inputs: reported', async () => {
    await check(prog('label', '  # <- leak-target'));
  });
});
