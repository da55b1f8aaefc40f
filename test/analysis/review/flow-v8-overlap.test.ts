/**
 * The eighth round's overlap capabilities (issue 16's overlap misses on held-out v5–v7, tuning data since they were
 * reported): each behaviour with a leaky program (the lines that must be reported marked `# <- rule`) and programs
 * that must report nothing. The programs are written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */

describe('copies unpacked into a list of parts ([df, *copies])', () => {
  const prog = (body: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split


def with_noisy_positives(frame, n=3):
    positives = frame[frame["fault"] == 1]
    noisy = []
    for i in range(n):
        p = positives.copy()
        p["vibration"] = p["vibration"] + 0.1 * i
        noisy.append(p)
    return pd.concat([frame, *noisy])${mark}

${body}
`;
  it('made in a helper from the rows it is given, before the split', async () => {
    await check(
      prog(
        `sensors = pd.read_csv("pumps.csv")
data = with_noisy_positives(sensors)
X_tr, X_te, y_tr, y_te = train_test_split(data[["vibration", "temp"]], data["fault"], random_state=1)
RandomForestClassifier().fit(X_tr, y_tr).score(X_te, y_te)`,
        '  # <- leak-overlap',
      ),
    );
  });

  it('made from the training part only reports nothing', async () => {
    await check(
      prog(`sensors = pd.read_csv("pumps.csv")
train, test = train_test_split(sensors, random_state=1)
train = with_noisy_positives(train)
model = RandomForestClassifier().fit(train[["vibration", "temp"]], train["fault"])
model.score(test[["vibration", "temp"]], test["fault"])`),
    );
  });

  it('other frames unpacked among the parts are no copies', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
months = [pd.read_csv(f"sales_{m}.csv") for m in ("jan", "feb")]
extra = pd.read_csv("mar.csv")
allrows = pd.concat([extra, *months])
X_tr, X_te, y_tr, y_te = train_test_split(allrows[["price"]], allrows["sold"], random_state=0)
LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te)
`);
  });
});

describe("another table's rows joined to the data's keys, put after the data", () => {
  const prog = (split: string, mark = '') => `
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

emails = pd.read_csv("emails.csv")
summaries = pd.read_csv("llm_summaries.csv")


def add_summaries(mail, extra):
    rows = extra.merge(mail[["mail_id", "spam"]], on="mail_id")
    return pd.concat([mail, rows])${mark}

${split}
`;
  it('joined before the split: the same emails on both sides', async () => {
    await check(
      prog(
        `everything = add_summaries(emails, summaries)
tr, te = train_test_split(everything, random_state=0)
clf = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(tr["body"], tr["spam"])
clf.score(te["body"], te["spam"])`,
        '  # <- leak-overlap',
      ),
    );
  });

  it('joined to the training part only reports nothing', async () => {
    await check(
      prog(`tr, te = train_test_split(emails, random_state=0)
tr = add_summaries(tr, summaries)
clf = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(tr["body"], tr["spam"])
clf.score(te["body"], te["spam"])`),
    );
  });

  it('a left join of features is no second copy of the rows', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
emails = pd.read_csv("emails.csv")
senders = pd.read_csv("senders.csv")
enriched = emails.merge(senders, on="sender", how="left")
tr, te = train_test_split(enriched, random_state=0)
LogisticRegression().fit(tr[["reputation"]], tr["spam"]).score(te[["reputation"]], te["spam"])
`);
  });
});

describe('FiveCrop / TenCrop crops of each image joined as rows', () => {
  const head = `
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split
from torchvision import transforms
from torchvision.datasets import ImageFolder

crop = transforms.Compose([transforms.Resize(256), transforms.TenCrop(96),
    transforms.Lambda(lambda cs: torch.stack([transforms.ToTensor()(c) for c in cs]))])
leaves = ImageFolder("leaves/", transform=crop)
`;
  it('crops of all images split at random', async () => {
    await check(`${head}
xs, ys = [], []
for stack, label in leaves:
    xs.append(stack)
    ys.append(torch.full((stack.shape[0],), label))
X = torch.cat(xs)  # <- leak-overlap
Y = torch.cat(ys)
train, test = random_split(TensorDataset(X, Y), [0.8, 0.2])
`);
  });

  it('images split first, each part cut into crops, reports nothing', async () => {
    await check(`${head}
train_imgs, test_imgs = random_split(leaves, [0.8, 0.2])


def crops_of(images):
    xs = [stack for stack, _ in images]
    ys = [torch.full((stack.shape[0],), label) for stack, label in images]
    return TensorDataset(torch.cat(xs), torch.cat(ys))


train, test = crops_of(train_imgs), crops_of(test_imgs)
loader = DataLoader(train, batch_size=16, shuffle=True)
`);
  });
});

describe('several rows per key of another table', () => {
  const prog = (cv: string, groups = '', merge = 'orders.merge(') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import ${cv}, cross_val_score
orders = pd.read_csv("order_items.csv")
baskets = pd.read_csv("baskets.csv")
items = ${merge}baskets[["basket_id", "store", "returned"]], on="basket_id")
cross_val_score(RandomForestClassifier(), items[["price", "qty", "store"]], items["returned"], cv=${cv}(5)${groups})`;

  it("the label of the key's entity (a basket's) on its rows, cross-validated row by row", async () => {
    await check(`${prog('KFold')}  # <- leak-overlap\n`);
  });

  it('the same by pd.merge(orders, baskets, …)', async () => {
    await check(`${prog('KFold', '', 'pd.merge(orders, ')}  # <- leak-overlap\n`);
  });

  it('cross-validated by group reports nothing', async () => {
    await check(`${prog('GroupKFold', ', groups=items["basket_id"]')}\n`);
  });

  it("the rows' own label, attributes of the key's entity joined on: nothing", async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
shows = pd.read_csv("ad_impressions.csv")
ads = pd.read_csv("ads.csv")
full = shows.merge(ads[["ad_id", "advertiser_size", "ad_length"]], on="ad_id")
X_tr, X_te, y_tr, y_te = train_test_split(full[["advertiser_size", "ad_length", "position"]], full["clicked"])
LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te)
`);
  });

  it('a table joined on its own id reports nothing', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
baskets = pd.read_csv("baskets.csv")
labels = pd.read_csv("basket_labels.csv")
full = baskets.merge(labels, on="basket_id")
cross_val_score(LogisticRegression(), full[["total"]], full["returned"], cv=5)
`);
  });
});

describe('a table of parts of recordings (beats, windows) with the recording id', () => {
  const prog = (split: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupShuffleSplit, train_test_split
windows = pd.read_parquet("accelerometer_windows.parquet")
print(windows["session_id"].nunique(), "sessions")
X = windows[["mean_x", "std_x", "energy"]]
y = windows["activity"]
${split}
`;
  it('split row by row', async () => {
    await check(
      prog(`X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3)  # <- leak-overlap
RandomForestClassifier().fit(X_tr, y_tr).score(X_te, y_te)`),
    );
  });

  it('split by session reports nothing', async () => {
    await check(
      prog(`tr, te = next(GroupShuffleSplit(test_size=0.3).split(X, y, groups=windows["session_id"]))
RandomForestClassifier().fit(X.iloc[tr], y.iloc[tr]).score(X.iloc[te], y.iloc[te])`),
    );
  });

  it("the parts' own class codes are no group", async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
beats = pd.read_parquet("beats.parquet")
y = beats["class_id"]
X_tr, X_te, y_tr, y_te = train_test_split(beats[["rr", "qrs"]], y)
LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te)
`);
  });
});
