/**
 * The seventh round of data-flow capabilities (issue 16's false findings on held-out v7 and on
 * amueller/introduction_to_ml_with_python): each behaviour with a program that must report nothing and, where the
 * behaviour has one, a leaky twin (the lines that must be reported marked `# <- rule`). The programs are written for
 * these tests, not copied from the corpus or the repositories.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */

describe('positions made from a size read no column', () => {
  it('np.arange(len(frame)) against a column of the frame is time, not the target', async () => {
    await check(`
import numpy as np
import pandas as pd
sales = pd.read_csv("sales.csv").set_index("day")["units"].to_frame("units")
step = np.arange(len(sales), dtype=float)
cut = len(sales) - 30
coefs = np.polyfit(step[:cut], sales["units"].to_numpy()[:cut], deg=1)
sales["level"] = np.polyval(coefs, step)
`);
  });

  it('a feature computed from the target row by row is still reported', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LinearRegression
df = pd.read_csv("sales.csv")
df["ratio"] = df["units"] / df["price"]
model = LinearRegression().fit(df[["ratio", "price"]], df["units"])  # <- leak-target
`);
  });
});

describe('fit() of an estimator the analysis does not know returns the estimator, not its rows', () => {
  const prog = (fit: string) => `
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import PolynomialFeatures
data = load_diabetes()
X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, random_state=1)
${fit}
X_train_p = expand.transform(X_train)
X_test_p = expand.transform(X_test)
model = Ridge().fit(X_train_p, y_train)
print(model.score(X_test_p, y_test))
`;

  it('PolynomialFeatures(...).fit(X_train) chained: the transformed test rows are the test rows only', async () => {
    await check(prog('expand = PolynomialFeatures(degree=2).fit(X_train)'));
  });

  it('the same, fit on its own line', async () => {
    await check(prog('expand = PolynomialFeatures(degree=2)\nexpand.fit(X_train)'));
  });

  it('a model trained on the test rows is still reported', async () => {
    await check(`
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import PolynomialFeatures
X, y = load_diabetes(return_X_y=True)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=1)
expand = PolynomialFeatures(degree=2).fit(X_tr)
X_te_p = expand.transform(X_te)
model = Ridge().fit(X_te_p, y_te)  # <- leak-overlap
print(model.score(X_te_p, y_te))
`);
  });
});

describe("a splitter's folds made before the loop that goes over them", () => {
  const prog = (loop: string) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import KFold
df = pd.read_csv("shops.csv")
cols = ["a", "b", "c"]
folds = KFold(n_splits=5, shuffle=True, random_state=0).split(df)
errs = []
${loop}
    model = Ridge(alpha=1.0)
    model.fit(df.iloc[tr][cols], df.iloc[tr]["y"])
    errs.append(mean_absolute_error(df.iloc[te]["y"], model.predict(df.iloc[te][cols])))
print(np.mean(errs))
`;

  it('for fold, (tr, te) in enumerate(folds): cross-validation, each model scored on its own fold', async () => {
    await check(prog('for fold, (tr, te) in enumerate(folds):'));
  });

  it('for tr, te in folds: the same', async () => {
    await check(prog('for tr, te in folds:'));
  });
});

describe('a column list pruned by statistics of the rows is a choice learnt from them', () => {
  const prog = (prune: string, fit: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
${prune}
df = pd.read_csv("panel.csv")
y = df["churned"]
X = df.drop(columns=["churned"])
${fit}
`;
  const dropMostVariable = `
def drop_spread(frame, keep=5):
    names = list(frame.columns)
    while len(names) > keep:
        spread = frame[names].std()
        names.remove(spread.idxmax())  # <- leak-preprocessing
    return names
`;

  it('chosen on every row before cross-validation: reported where the choice is made', async () => {
    await check(
      prog(
        dropMostVariable,
        'kept = drop_spread(X)\nprint(cross_val_score(LogisticRegression(), X[kept], y, cv=5))',
      ),
    );
  });

  it('a list edited with fixed names learns nothing', async () => {
    await check(
      prog(
        '',
        'kept = list(X.columns)\nkept.remove("region")\nprint(cross_val_score(LogisticRegression(), X[kept], y, cv=5))',
      ),
    );
  });
});

describe('a feature that reads a later row', () => {
  const prog = (shift: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
visits = pd.read_csv("visits.csv").sort_values(["member_id", "month"])
visits["spend_change"] = visits.groupby("member_id")["spend"].shift(${shift}) / visits["spend"] - 1
visits = visits.dropna(subset=["spend_change"])
train = visits[visits["month"] < 10]
model = RandomForestClassifier().fit(train[["spend_change", "age"]], train["cancelled"])${shift === '-1' ? '  # <- leak-target' : ''}
`;

  it('shift(-1): the next period, unknown at prediction time (low confidence)', async () => {
    await check(prog('-1'));
  });

  it('shift(1): the previous period', async () => {
    await check(prog('1'));
  });
});

describe('the actual time of a delayed event', () => {
  const prog = (time: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
trips = pd.read_csv("trains.csv")
trips["late"] = (trips["arr_delay"] > 5).astype(int)
trips["arr_hour"] = trips["${time}"] // 100
model = LogisticRegression().fit(trips[["arr_hour", "distance"]], trips["late"])${time === 'arr_time' ? '  # <- leak-target' : ''}
`;

  it('arr_time for a label made of arr_delay: known once the train has arrived (low confidence)', async () => {
    await check(prog('arr_time'));
  });

  it('the planned time (sched_arr_time) is known in advance', async () => {
    await check(prog('sched_arr_time'));
  });
});

describe('fillna with another column takes its values row by row', () => {
  const prog = (fill: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
r = pd.read_csv("reviews.csv")
r["title"] = r["title"].fillna(${fill})
r["liked"] = (r["stars"] >= 4).astype(int)
model = LogisticRegression().fit(r[["title", "length"]], r["liked"])${fill.includes('stars') ? '  # <- leak-target' : ''}
`;

  it('the title filled in from the star rating the label is made of: reported', async () => {
    await check(prog('r["stars"].map(WORDS)'));
  });

  it('filled with a constant: nothing', async () => {
    await check(prog('""'));
  });
});

describe('one column as the features', () => {
  const prog = (text: string) => `
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
r = pd.read_csv("reviews.csv")
r["text"] = ${text}
r["liked"] = (r["stars"] >= 4).astype(int)
clf = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(r["text"], r["liked"])${text.includes('stars') ? '  # <- leak-target' : ''}
`;

  it('a text column made with the rating the label is made of: reported', async () => {
    await check(prog('r["body"] + " rated " + r["stars"].astype(str)'));
  });

  it('a text column of its own: nothing', async () => {
    await check(prog('r["title"] + ". " + r["body"]'));
  });
});
