/**
 * The third round of data-flow capabilities (issue 16's gaps found on held-out v2): each behaviour with a leaky
 * program (the lines that must be reported marked `# <- rule`) and its fixed twin, which must report nothing.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */

describe('literals: f-strings, numbers, joined column lists, parsed dates', () => {
  const selection = (final: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

def evaluate(model, features, labels):
    return f1_score(labels, model.predict(features))${final ? '' : '  # <- leak-selection'}

X, y = pd.read_csv("x.csv"), pd.read_csv("y.csv")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
scores = {}
for name, model in {"lr": LogisticRegression(), "rf": RandomForestClassifier()}.items():
    model.fit(X_fit, y_fit)
    scores[name] = evaluate(model, X_val, y_val)
best = max(scores, key=scores.get)
${final}
`;
  it('a validation choice with no test evaluation is selection', () => check(selection('')));
  it('the final test evaluation written inside an f-string is the untouched hold-out', () =>
    check(
      selection(
        'print(f"test F1 of {best}: {evaluate(RandomForestClassifier().fit(X_train, y_train), X_test, y_test):.3f}")',
      ),
    ));

  it('a number bound to a name is no data: Keras early stopping on the test set is found', () =>
    check(`
import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
num_classes = 10
y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)
model = keras.Sequential([keras.layers.Dense(num_classes)])
stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3)
model.fit(x_train, y_train, validation_data=(x_test, y_test), callbacks=[stop])  # <- leak-selection
print(model.evaluate(x_test, y_test))
`));

  it('the same with validation_split: nothing', () =>
    check(`
import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
num_classes = 10
y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)
model = keras.Sequential([keras.layers.Dense(num_classes)])
stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3)
model.fit(x_train, y_train, validation_split=0.1, callbacks=[stop])
print(model.evaluate(x_test, y_test))
`));

  const joined = (extra: string) => `
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.svm import SVR
NUMERIC = ["sqft", "rooms"]
houses = pd.read_csv("houses.csv")
tr, te = train_test_split(houses, random_state=0)
SVR().fit(tr[NUMERIC + ["${extra}"]], tr["price"]).score(te[NUMERIC + ["${extra}"]], te["price"])${extra === 'price' ? '  # <- leak-target' : ''}
`;
  it('the target among columns joined with + is found', () => check(joined('price')));
  it('columns joined with + are still a selection of columns: without the target, nothing', () =>
    check(joined('age')));

  it('parse_dates alone does not make a time series; a parsed date as the index does', () =>
    check(`
import pandas as pd
from sklearn.model_selection import train_test_split
listings = pd.read_csv("listings.csv", parse_dates=["last_review"])
a_train, a_test = train_test_split(listings, random_state=0)
prices = pd.read_csv("prices.csv", parse_dates=["day"], index_col="day")
b_train, b_test = train_test_split(prices, random_state=0)  # <- leak-time-split
`));
});

describe('resampling before the data is divided', () => {
  it('undersampling before cross-validation and before a split', () =>
    check(`
from imblearn.under_sampling import NearMiss, RandomUnderSampler
from sklearn.datasets import make_classification
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import cross_validate, train_test_split

X, y = make_classification(weights=[0.95], random_state=0)
X_res, y_res = RandomUnderSampler(random_state=0).fit_resample(X, y)  # <- leak-overlap
print(cross_validate(HistGradientBoostingClassifier(), X_res, y_res)["test_score"].mean())
X_nm, y_nm = NearMiss().fit_resample(X, y)  # <- leak-overlap
X_train, X_test, y_train, y_test = train_test_split(X_nm, y_nm, random_state=0)
print(HistGradientBoostingClassifier().fit(X_train, y_train).score(X_test, y_test))
`));

  it('undersampling inside an imblearn pipeline, or of the training part only: nothing', () =>
    check(`
from imblearn.pipeline import make_pipeline
from imblearn.under_sampling import NearMiss, RandomUnderSampler
from sklearn.datasets import make_classification
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import cross_validate, train_test_split

X, y = make_classification(weights=[0.95], random_state=0)
model = make_pipeline(RandomUnderSampler(random_state=0), HistGradientBoostingClassifier())
print(cross_validate(model, X, y)["test_score"].mean())
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_nm, y_nm = NearMiss().fit_resample(X_train, y_train)
print(HistGradientBoostingClassifier().fit(X_nm, y_nm).score(X_test, y_test))
`));

  it('oversampling by hand with np.random.choice before the split', () =>
    check(`
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

df = pd.read_csv("claims.csv")
pos = np.flatnonzero(df["fraud"] == 1)
idx = np.concatenate([np.flatnonzero(df["fraud"] == 0), np.random.choice(pos, 5000)])
balanced = df.iloc[idx]  # <- leak-overlap
X_train, X_test, y_train, y_test = train_test_split(balanced.drop(columns="fraud"), balanced["fraud"], random_state=0)
print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))
`));

  it('the same oversampling of the training part only: nothing', () =>
    check(`
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
pos = np.flatnonzero(y_train == 1)
idx = np.concatenate([np.flatnonzero(y_train == 0), np.random.choice(pos, 5000)])
print(LogisticRegression().fit(X_train[idx], y_train[idx]).score(X_test, y_test))
`));
});

describe('model selection: searches, objectives, thresholds and cross-validated winners', () => {
  const optuna = (objectiveScore: string, final: string) => `
import optuna
from sklearn.datasets import fetch_california_housing
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import r2_score
from sklearn.model_selection import cross_val_score, train_test_split

X, y = fetch_california_housing(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=5)

def objective(trial):
    model = HistGradientBoostingRegressor(learning_rate=trial.suggest_float("lr", 0.01, 0.3))
    model.fit(X_train, y_train)
    ${objectiveScore}

study = optuna.create_study(direction="maximize")
study.optimize(objective, n_trials=50)
${final}
`;
  it('an Optuna objective scored on the test set', () =>
    check(
      optuna(
        'return r2_score(y_test, model.predict(X_test))  # <- leak-selection',
        'print("test R2", study.best_value)',
      ),
    ));
  it('an Optuna objective cross-validated on the training part, the winner tested once: nothing', () =>
    check(
      optuna(
        'return cross_val_score(model, X_train, y_train, cv=5).mean()',
        'best = HistGradientBoostingRegressor(**study.best_params).fit(X_train, y_train)\nprint(r2_score(y_test, best.predict(X_test)))',
      ),
    ));

  it('a hyperopt objective given as a lambda over the test set, and the same over a validation split', () =>
    check(`
from hyperopt import fmin, hp, tpe
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split
import numpy as np

X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)

def loss(alpha, X_eval, y_eval):
    model = Ridge(alpha=alpha).fit(X_train, y_train)
    return mean_squared_error(y_eval, model.predict(X_eval))  # <- leak-selection

best = fmin(fn=lambda a: loss(a, X_test, y_test), space=hp.loguniform("a", -5, 2), algo=tpe.suggest, max_evals=50)
print(best)
`));

  const threshold = (leaky: boolean) => `
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
model = LogisticRegression().fit(X_fit, y_fit)
X_pick, y_pick = ${leaky ? 'X_test, y_test' : 'X_val, y_val'}
proba = model.predict_proba(X_pick)[:, 1]
thresholds = np.linspace(0.05, 0.95, 91)
f1s = [f1_score(y_pick, proba >= t) for t in thresholds]${leaky ? '  # <- leak-selection' : ''}
best_threshold = thresholds[int(np.argmax(f1s))]
print(f1_score(y_test, model.predict_proba(X_test)[:, 1] >= best_threshold))
`;
  it('a decision threshold tuned on the test set', () => check(threshold(true)));
  it('a decision threshold tuned on a validation split, then tested once: nothing', () =>
    check(threshold(false)));

  const search = (tail: string) => `
from sklearn.datasets import load_iris
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score, train_test_split
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
clf = GridSearchCV(SVC(), {"C": [1, 10, 100]}, cv=KFold(4, shuffle=True, random_state=0))
${tail}
`;
  it("a non-nested search's best_score_ reported as the estimate", () =>
    check(search('clf.fit(X, y)\nprint("accuracy", clf.best_score_)  # <- leak-selection')));
  it('nested cross-validation of the same search: nothing', () =>
    check(search('print("accuracy", cross_val_score(clf, X, y, cv=5).mean())')));
  it('best_score_ printed beside a test score: nothing', () =>
    check(
      search(
        'X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)\nclf.fit(X_train, y_train)\nprint(clf.best_score_, clf.score(X_test, y_test))',
      ),
    ));

  const winner = (tail: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split

df = pd.read_csv("churn.csv")
X, y = df.drop(columns="churned"), df["churned"]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
models = {"lr": LogisticRegression(), "rf": RandomForestClassifier()}
results = {}
for name, model in models.items():
    results[name] = cross_val_score(model, X_train, y_train, cv=5).mean()
best = max(results, key=results.get)${tail ? '' : '  # <- leak-selection'}
print(f"{best}: expected accuracy {results[best]:.3f}")
${tail}
`;
  it("the best of several models' cross-validated means reported as the winner's score", () =>
    check(winner('')));
  it('the same winner then scored once on the test set: nothing', () =>
    check(winner('print(models[best].fit(X_train, y_train).score(X_test, y_test))')));

  const tuner = (validation: string) => `
import keras
import keras_tuner

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

def build_model(hp):
    model = keras.Sequential([keras.layers.Dense(hp.Int("units", 32, 512), activation="relu"), keras.layers.Dense(10)])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model

tuner = keras_tuner.RandomSearch(build_model, objective="val_accuracy", max_trials=10)
tuner.search(x_train, y_train, epochs=2, ${validation}
best_model = tuner.get_best_models(num_models=1)[0]
print(best_model.evaluate(x_test, y_test))
`;
  it('a KerasTuner search validated on the test set', () =>
    check(tuner('validation_data=(x_test, y_test))  # <- leak-selection')));
  it('a KerasTuner search validated on a split of the training data: nothing', () =>
    check(tuner('validation_split=0.2)')));
});

describe('target leakage by data flow: features computed from the target', () => {
  const ratio = (feature: string) => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import train_test_split

ames = pd.read_csv("ames.csv")
ames["HouseAge"] = ames["YrSold"] - ames["YearBuilt"]
ames["Ratio"] = ${feature}
features = ["GrLivArea", "HouseAge", "Ratio"]
X_train, X_test, y_train, y_test = train_test_split(ames[features], ames["SalePrice"], random_state=0)
print(GradientBoostingRegressor().fit(X_train, y_train).score(X_test, y_test))${feature.includes('SalePrice') ? '  # <- leak-target' : ''}
`;
  it('a ratio of the target to another column', () => check(ratio('ames["SalePrice"] / ames["GrLivArea"]')));
  it('a ratio of two other columns: nothing', () => check(ratio('ames["GrLivArea"] / ames["TotRmsAbvGrd"]')));

  const rolling = (shift: string, extra = '') => `
import lightgbm as lgb
import pandas as pd

load = pd.read_csv("grid_load.csv", parse_dates=["ts"]).set_index("ts").sort_index()
load["mean_24h"] = load["load_mw"]${shift}.rolling(24).mean()
load["ewm"] = load["load_mw"]${shift}.ewm(span=7).mean()
load = load.dropna()
train, test = load.loc[:"2022-12-31"], load.loc["2023-01-01":]
features = ["temperature", "mean_24h", "ewm"${extra}]
model = lgb.LGBMRegressor().fit(train[features], train["load_mw"])${shift ? '' : '  # <- leak-target'}
print(model.score(test[features], test["load_mw"]))
`;
  it('a rolling or exponentially weighted mean of the target that includes the current row', () =>
    check(rolling('')));
  it('the same windows over the target shifted one row into the past: nothing', () =>
    check(rolling('.shift(1)')));

  it('a lag written shift(-1) reads the future, also through a column computed from it', () =>
    check(`
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("sales.csv", index_col="date", parse_dates=True)
df["next_day"] = df["sales"].shift(-1)
df["trend"] = df["next_day"] - df["sales"].shift(7)
tr, te = df.iloc[:-100], df.iloc[-100:]
Ridge().fit(tr[["price", "trend"]], tr["sales"]).score(te[["price", "trend"]], te["sales"])  # <- leak-target
`));

  it('a flag of the target left in a whole frame whose target is dropped, and a share of a group total', () =>
    check(`
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
df = pd.read_csv("shop.csv")
df["expensive"] = (df["price"] > 1e6).astype(int)
X = df.drop(columns=["price"])
X_train, X_test, y_train, y_test = train_test_split(X, df["price"], random_state=0)
print(RandomForestRegressor().fit(X_train, y_train).score(X_test, y_test))  # <- leak-target
w = pd.read_csv("weekly.csv")
w["share"] = w["sales"] / w.groupby("week")["sales"].transform("sum")
a, b = train_test_split(w, random_state=0)
print(RandomForestRegressor().fit(a[["store", "share"]], a["sales"]).score(b[["store", "share"]], b["sales"]))  # <- leak-target
`));

  it('a group mean of the target is no row-wise copy of it, and a lagged group shift is fine: nothing from leak-target', () =>
    check(`
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
w = pd.read_csv("weekly.csv", index_col="week", parse_dates=True)
w["last_week"] = w.groupby("store")["sales"].shift(1)
tr, te = w.iloc[:-50], w.iloc[-50:]
print(RandomForestRegressor().fit(tr[["store", "last_week"]], tr["sales"]).score(te[["store", "last_week"]], te["sales"]))
`));

  it('the label kept in a positional slice of an array, and a slice that leaves it out', () =>
    check(`
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
data = np.loadtxt("records.csv", delimiter=",")
X, y = data[:, 1:], data[:, -1]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))  # <- leak-target
other = np.loadtxt("other.csv", delimiter=",")
a_train, a_test, b_train, b_test = train_test_split(other[:, 1:-1], other[:, -1], random_state=0)
print(LogisticRegression().fit(a_train, b_train).score(a_test, b_test))
`));

  const tf = (cols: string, labels: string) => `
import pandas as pd
import tensorflow as tf
train_frame = pd.read_csv("pets_train.csv")
test_frame = pd.read_csv("pets_test.csv")
numeric_cols = ${cols}

def df_to_dataset(dataframe, shuffle=True):
    dataframe = dataframe.copy()
    labels = ${labels}
    ds = tf.data.Dataset.from_tensor_slices((dataframe[numeric_cols].values, labels.values))
    if shuffle:
        ds = ds.shuffle(buffer_size=len(dataframe))
    return ds.batch(32)

train_ds = df_to_dataset(train_frame)
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.fit(train_ds, epochs=10)${cols.includes('Adopted') ? '  # <- leak-target' : ''}
print(model.evaluate(df_to_dataset(test_frame, shuffle=False)))
`;
  it('a tf.data dataset of (features, labels) whose features keep the label column', () =>
    check(tf('["Age", "Fee", "Adopted"]', 'dataframe["Adopted"]')));
  it('the label popped and left out of the features: nothing', () =>
    check(tf('["Age", "Fee"]', 'dataframe.pop("Adopted")')));

  it('columns recorded after the outcome: a chargeback for fraud, the titanic lifeboat', () =>
    check(`
import pandas as pd
from sklearn.datasets import fetch_openml
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
tx = pd.read_csv("transactions.csv")
cols = ["amount", "merchant", "chargeback_filed"]
a, b = train_test_split(tx, random_state=0)
RandomForestClassifier().fit(a[cols], a["is_fraud"]).score(b[cols], b["is_fraud"])  # <- leak-target
df = fetch_openml("titanic", version=1, as_frame=True).frame
df["had_boat"] = df["boat"].notna().astype(int)
df["family"] = df["sibsp"] + df["parch"]
c, d = train_test_split(df, random_state=0)
RandomForestClassifier().fit(c[["age", "had_boat"]], c["survived"]).score(d[["age", "had_boat"]], d["survived"])  # <- leak-target
RandomForestClassifier().fit(c[["age", "family"]], c["survived"]).score(d[["age", "family"]], d["survived"])
`));
});

describe('statsmodels models and data sets known to be time series', () => {
  it('a formula whose right side has the target share, and sm.Logit on z-scores fit before the split', () =>
    check(`
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split
df = pd.read_csv("weekly.csv")
df["share"] = df["sales"] / df.groupby("week")["sales"].transform("sum")
train, test = train_test_split(df, random_state=0)
res = smf.ols("sales ~ price + share + C(store)", data=train).fit()  # <- leak-target
print(res.predict(test))
X = pd.read_csv("x.csv")
y = pd.read_csv("y.csv")["default"]
X = (X - X.mean()) / X.std()  # <- leak-preprocessing (mean) # <- leak-preprocessing (std)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
logit = sm.Logit(y_train, sm.add_constant(X_train)).fit()
print(logit.predict(sm.add_constant(X_test)))
`));

  it('the same formula without the share, and z-scores from the training part: nothing', () =>
    check(`
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split
df = pd.read_csv("weekly.csv")
train, test = train_test_split(df, random_state=0)
res = smf.ols("sales ~ price + C(store)", data=train).fit()
print(res.predict(test))
X = pd.read_csv("x.csv")
y = pd.read_csv("y.csv")["default"]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
mu, sd = X_train.mean(), X_train.std()
logit = sm.Logit(y_train, sm.add_constant((X_train - mu) / sd)).fit()
print(logit.predict(sm.add_constant((X_test - mu) / sd)))
`));

  const sunspots = (cv: string) => `
import statsmodels.api as sm
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold, TimeSeriesSplit, cross_val_score
df = sm.datasets.sunspots.load_pandas().data
X, y = df[["YEAR"]], df["SUNACTIVITY"]
print(cross_val_score(Ridge(), X, y, cv=${cv}).mean())${cv.startsWith('KFold') ? '  # <- leak-time-split' : ''}
`;
  it('a yearly series known from its data set, cross-validated with shuffled folds', () =>
    check(sunspots('KFold(5, shuffle=True, random_state=0)')));
  it('the same with TimeSeriesSplit: nothing', () => check(sunspots('TimeSeriesSplit(5)')));
});

describe('preprocessing through lambdas, layers, transforms, outlier filters and learnt selections', () => {
  const chain = (where: string) => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
df = pd.read_csv("houses.csv")
${where === 'before' ? 'df = df.assign(area=lambda d: d["area"].fillna(d.groupby("town")["area"].transform("median")))  # <- leak-preprocessing\n' : ''}train, test = train_test_split(df, random_state=0)
${where === 'after' ? 'train = train.assign(area=lambda d: d["area"].fillna(d.groupby("town")["area"].transform("median")))\ntest = test.assign(area=lambda d: d["area"].fillna(0))\n' : ''}print(Ridge().fit(train[["area"]], train["price"]).score(test[["area"]], test["price"]))
`;
  it('group medians in a method chain (assign with a lambda) before the split', () => check(chain('before')));
  it('the same chain on the training part: nothing', () => check(chain('after')));

  const featureSpace = (adaptOn: string) => `
import keras
import pandas as pd
import tensorflow as tf
df = pd.read_csv("heart.csv")
ds = tf.data.Dataset.from_tensor_slices((dict(df.drop(columns="target")), df["target"]))
val_ds = ds.take(60)
train_ds = ds.skip(60)
feature_space = keras.utils.FeatureSpace(features={"age": keras.utils.FeatureSpace.float_normalized()})
feature_space.adapt(${adaptOn}.map(lambda x, _: x))${adaptOn === 'ds' ? '  # <- leak-preprocessing' : ''}
train_pre = train_ds.map(lambda x, y: (feature_space(x), y))
val_pre = val_ds.map(lambda x, y: (feature_space(x), y))
model = keras.Sequential([keras.layers.Dense(1)])
model.fit(train_pre, epochs=5)
print(model.evaluate(val_pre))
`;
  it('a Keras FeatureSpace adapted on all rows, applied through tf.data map lambdas', () =>
    check(featureSpace('ds')));
  it('the FeatureSpace adapted on the training part: nothing', () => check(featureSpace('train_ds')));

  const news = (fitOn: string) => `
from sklearn.datasets import fetch_20newsgroups
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import RidgeClassifier
train = fetch_20newsgroups(subset="train")
test = fetch_20newsgroups(subset="test")
vectorizer = TfidfVectorizer(sublinear_tf=True)
vectorizer.fit(${fitOn})${fitOn.includes('test') ? '  # <- leak-preprocessing' : ''}
X_train, X_test = vectorizer.transform(train.data), vectorizer.transform(test.data)
clf = RidgeClassifier().fit(X_train, train.target)
print(clf.score(X_test, test.target))
`;
  it('TF-IDF fit on the training and test documents of a predefined subset=', () =>
    check(news('train.data + test.data')));
  it('TF-IDF fit on the training documents: nothing', () => check(news('train.data')));

  const outliers = (before: boolean) => `
import numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
X, y = np.load("x.npy"), np.load("y.npy")
${
  before
    ? `iso = IsolationForest(random_state=0).fit(X)  # <- leak-preprocessing
keep = iso.predict(X) == 1
X_train, X_test, y_train, y_test = train_test_split(X[keep], y[keep], random_state=0)`
    : `X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
iso = IsolationForest(random_state=0).fit(X_train)
keep = iso.predict(X_train) == 1
X_train, y_train = X_train[keep], y_train[keep]`
}
print(LinearRegression().fit(X_train, y_train).score(X_test, y_test))
`;
  it('outliers removed by an IsolationForest fit on all rows before the split', () => check(outliers(true)));
  it('the same detector fit on the training part and filtering it: nothing', () => check(outliers(false)));

  const lasso = (before: boolean) => `
import numpy as np
from sklearn.linear_model import Lasso, LogisticRegression
from sklearn.model_selection import train_test_split
X, y = np.load("genes.npy"), np.load("labels.npy")
${
  before
    ? `selected = np.flatnonzero(Lasso(alpha=0.01).fit(X, y).coef_)  # <- leak-preprocessing
X_train, X_test, y_train, y_test = train_test_split(X[:, selected], y, random_state=0)`
    : `X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
selected = np.flatnonzero(Lasso(alpha=0.01).fit(X_train, y_train).coef_)
X_train, X_test = X_train[:, selected], X_test[:, selected]`
}
print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))
`;
  it('genes selected by lasso coefficients learnt on all rows before the split', () => check(lasso(true)));
  it('the lasso fit on the training part: nothing', () => check(lasso(false)));

  const channels = (statsOn: string) => `
import torch
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms
raw = datasets.ImageFolder("cells", transform=transforms.ToTensor())
train_raw, test_raw = random_split(raw, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
stack = torch.stack([img for img, _ in ${statsOn}])
mean, std = stack.mean(dim=(0, 2, 3)), stack.std(dim=(0, 2, 3))${statsOn === 'raw' ? '  # <- leak-preprocessing' : ''}
norm = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])
data = datasets.ImageFolder("cells", transform=norm)
train_set, test_set = random_split(data, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.LazyLinear(2))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for xb, yb in DataLoader(train_set, batch_size=32, shuffle=True):
    opt.zero_grad()
    torch.nn.functional.cross_entropy(model(xb), yb).backward()
    opt.step()
with torch.no_grad():
    correct = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in DataLoader(test_set, batch_size=256))
print(correct)
`;
  it('channel statistics of all images in transforms.Normalize, then a random split', () =>
    check(channels('raw')));
  it('channel statistics of the training images only: nothing', () => check(channels('train_raw')));
});

describe('overlap: duplicates, windows', () => {
  const dedup = (before: boolean) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("reviews.csv")
${before ? 'df = df.drop_duplicates()\n' : ''}train, test = train_test_split(df, random_state=0)
${before ? '' : 'train = train.drop_duplicates()  # <- leak-overlap\n'}print(LogisticRegression().fit(train[["len"]], train["y"]).score(test[["len"]], test["y"]))
`;
  it('duplicates removed from the training part only, after the split', () => check(dedup(false)));
  it('duplicates removed before the split: nothing', () => check(dedup(true)));

  const windows = (shuffle: string) => `
import numpy as np
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
series = np.load("load.npy")
w = 48
X = np.array([series[i : i + w] for i in range(len(series) - w)])
y = series[w:]
X_train, X_test, y_train, y_test = train_test_split(X, y, ${shuffle})${shuffle.includes('False') ? '' : '  # <- leak-time-split'}
print(Ridge().fit(X_train, y_train).score(X_test, y_test))
`;
  it('overlapping sliding windows split at random', () => check(windows('random_state=0')));
  it('the same windows split in time order: nothing', () => check(windows('shuffle=False')));
});

describe('TensorFlow training loops: GradientTape trains, Keras metric objects score', () => {
  const tape = (keepOn: string) => `
import tensorflow as tf
from tensorflow import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_val, y_val = x_train[-10000:], y_train[-10000:]
x_train, y_train = x_train[:-10000], y_train[:-10000]
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(64)
pick_ds = tf.data.Dataset.from_tensor_slices((${keepOn})).batch(64)
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10)])
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.Adam()
val_acc_metric = keras.metrics.SparseCategoricalAccuracy()
best = 0.0
for epoch in range(10):
    for x, y in train_ds:
        with tf.GradientTape() as tape:
            loss = loss_fn(y, model(x, training=True))
        grads = tape.gradient(loss, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
    for x, y in pick_ds:
        val_acc_metric.update_state(y, model(x, training=False))${keepOn.includes('test') ? '  # <- leak-selection' : ''}
    acc = float(val_acc_metric.result())
    val_acc_metric.reset_state()
    if acc > best:
        best = acc
        model.save_weights("best.weights.h5")
print(model.evaluate(x_test, y_test))
`;
  it('the best epoch of a GradientTape loop kept by test accuracy', () => check(tape('x_test, y_test')));
  it('the best epoch kept by validation accuracy, then one test evaluation: nothing', () =>
    check(tape('x_val, y_val')));
});

describe('user classes: instances carry their attributes, methods run on the caller’s data', () => {
  const dataset = (features: string) => `
import pandas as pd
import torch
from torch.utils.data import DataLoader, Dataset, random_split
FEATURES = ${features}
TARGET = "failure"

class SensorDataset(Dataset):
    def __init__(self, frame):
        self.x = torch.tensor(frame[FEATURES].values, dtype=torch.float32)
        self.y = torch.tensor(frame[TARGET].values, dtype=torch.float32)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]

data = SensorDataset(pd.read_csv("sensors.csv"))
train_set, test_set = random_split(data, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
model = torch.nn.Linear(len(FEATURES), 1)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for xb, yb in DataLoader(train_set, batch_size=64, shuffle=True):
    opt.zero_grad()
    torch.nn.functional.binary_cross_entropy_with_logits(model(xb).squeeze(1), yb).backward()${features.includes('failure') ? '  # <- leak-target' : ''}
    opt.step()
`;
  it('a PyTorch Dataset whose features keep the label column', () =>
    check(dataset('["temp", "vibration", "failure"]')));
  it('the Dataset with the label left out of the features: nothing', () =>
    check(dataset('["temp", "vibration"]')));

  const builder = (flag: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

class FeatureBuilder:
    def __init__(self, target):
        self.target = target

    def build(self, frame):
        out = frame.copy()
        out["big_order"] = (${flag} > 100).astype(int)
        return out

orders = FeatureBuilder("returned").build(pd.read_csv("orders.csv"))
X = orders.drop(columns=["returned"])
X_train, X_test, y_train, y_test = train_test_split(X, orders["returned"], random_state=0)
print(RandomForestClassifier().fit(X_train, y_train).score(X_test, y_test))${flag.includes('target') ? '  # <- leak-target' : ''}
`;
  it('a flag computed from the target in a feature-builder class', () =>
    check(builder('out[self.target] * out["amount"]')));
  it('the same flag from another column: nothing', () => check(builder('out["amount"]')));

  const tuner = (on: string) => `
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

class ThresholdTuner:
    def __init__(self, model):
        self.model = model

    def fit(self, X, y):
        proba = self.model.predict_proba(X)[:, 1]
        grid = np.linspace(0.1, 0.9, 81)
        scores = [f1_score(y, proba >= t) for t in grid]${on === 'X_test, y_test' ? '  # <- leak-selection' : ''}
        self.threshold = grid[int(np.argmax(scores))]
        return self

X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
model = LogisticRegression().fit(X_fit, y_fit)
tuned = ThresholdTuner(model).fit(${on})
print(f1_score(y_test, model.predict_proba(X_test)[:, 1] >= tuned.threshold))
`;
  it('a decision threshold chosen on the test set inside a class', () => check(tuner('X_test, y_test')));
  it('the same class tuning on a validation split: nothing', () => check(tuner('X_val, y_val')));

  const transformer = (fitOn: string) => `
import numpy as np
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split

class ZScore:
    def fit(self, X):
        self.mu, self.sd = X.mean(axis=0), X.std(axis=0)${fitOn === 'X' ? '  # <- leak-preprocessing (mean) # <- leak-preprocessing (std)' : ''}
        return self

    def transform(self, X):
        return (X - self.mu) / self.sd

X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
z = ZScore().fit(${fitOn})
print(Ridge().fit(z.transform(X_train), y_train).score(z.transform(X_test), y_test))
`;
  it('a hand-written transformer class fit on all rows', () => check(transformer('X')));
  it('the same transformer fit on the training part: nothing', () => check(transformer('X_train')));
});

describe('more selection and overlap: predefined validation folds, groups, consequences of the outcome', () => {
  const predefined = (fold: string) => `
import numpy as np
from sklearn.model_selection import GridSearchCV, PredefinedSplit, train_test_split
from sklearn.svm import SVC
X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
X_a, X_b, y_a, y_b = ${fold}
fold = np.concatenate([-np.ones(len(X_a)), np.zeros(len(X_b))])
search = GridSearchCV(estimator=SVC(), param_grid={"C": [1, 10]}, cv=PredefinedSplit(fold))
search.fit(np.concatenate([X_a, X_b]), np.concatenate([y_a, y_b]))${fold.includes('X_test') ? '  # <- leak-selection' : ''}
print(search.score(X_test, y_test))
`;
  it('a PredefinedSplit whose validation fold is the test set', () =>
    check(predefined('X_train, X_test, y_train, y_test')));
  it('a PredefinedSplit whose validation fold is a validation split: nothing', () =>
    check(predefined('X_fit, X_val, y_fit, y_val')));

  const patients = (split: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupShuffleSplit, train_test_split
df = pd.read_csv("scans.csv")
X, y = df.drop(columns=["patient_id", "label"]), df["label"]
${split}
print(RandomForestClassifier().fit(X_train, y_train).score(X_test, y_test))
`;
  it('several scans per patient split row by row', () =>
    check(
      patients(
        'X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)  # <- leak-overlap',
      ),
    ));
  it('the same scans split by patient: nothing', () =>
    check(
      patients(`tr, te = next(GroupShuffleSplit(test_size=0.2, random_state=0).split(X, y, groups=df["patient_id"]))
X_train, X_test, y_train, y_test = X.iloc[tr], X.iloc[te], y.iloc[tr], y.iloc[te]`),
    ));

  const bookings = (extra: string) => `
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split
b = pd.read_csv("hotel_bookings.csv")
features = ["lead_time", "adr", "previous_cancellations"${extra}]
X_train, X_test, y_train, y_test = train_test_split(b[features], b["is_canceled"], random_state=0)
print(GradientBoostingClassifier().fit(X_train, y_train).score(X_test, y_test))${extra ? '  # <- leak-target' : ''}
`;
  it('a fee only charged on cancellation among the features of is_canceled', () =>
    check(bookings(', "cancellation_fee"')));
  it('past cancellations are known in advance: nothing', () => check(bookings('')));
});

describe('fixed programs that look like leaks by name or shape', () => {
  it('an Optuna objective that draws a new validation split every trial, as in optuna-examples: nothing', () =>
    check(`
import lightgbm as lgb
import numpy as np
import optuna
import sklearn.datasets
import sklearn.metrics
from sklearn.model_selection import train_test_split

def objective(trial):
    data, target = sklearn.datasets.load_breast_cancer(return_X_y=True)
    train_x, valid_x, train_y, valid_y = train_test_split(data, target, test_size=0.25)
    gbm = lgb.train({"lambda_l1": trial.suggest_float("l1", 1e-8, 10.0)}, lgb.Dataset(train_x, label=train_y))
    return sklearn.metrics.accuracy_score(valid_y, np.rint(gbm.predict(valid_x)))

study = optuna.create_study(direction="maximize")
study.optimize(objective, n_trials=100)
`));

  it('lags of the target named after it are judged by how they are computed: nothing', () =>
    check(`
import lightgbm as lgb
import pandas as pd
df = pd.read_csv("rossmann.csv", parse_dates=["Date"]).sort_values("Date")
df["Sales_lag7"] = df.groupby("Store")["Sales"].shift(7)
df["Sales_roll"] = df.groupby("Store")["Sales"].shift(1).rolling(7).mean()
df = df.dropna()
train, test = df[df["Date"] < "2015-06-01"], df[df["Date"] >= "2015-06-01"]
features = ["Store", "Promo", "Sales_lag7", "Sales_roll"]
print(lgb.LGBMRegressor().fit(train[features], train["Sales"]).score(test[features], test["Sales"]))
`));

  const strat = (drop: boolean) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
housing = pd.read_csv("housing.csv")
housing["value_cat"] = pd.cut(housing["median_house_value"], bins=[0, 1e5, 2e5, 3e5, np.inf], labels=[1, 2, 3, 4])
train_set, test_set = train_test_split(housing, stratify=housing["value_cat"], random_state=42)
${drop ? 'for set_ in (train_set, test_set):\n    set_.drop("value_cat", axis=1, inplace=True)\n' : ''}X = train_set.drop("median_house_value", axis=1).select_dtypes("number")
model = LinearRegression().fit(X, train_set["median_house_value"])${drop ? '' : '  # <- leak-target'}
`;
  it('a stratification bin of the target left among the features', () => check(strat(false)));
  it('the bin dropped in place from both parts before training: nothing', () => check(strat(true)));

  it('fillna(..., inplace=True) with the mean of all rows before the split', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("titanic.csv")
df["Age"].fillna(df["Age"].mean(), inplace=True)  # <- leak-preprocessing
tr, te = train_test_split(df, random_state=0)
print(LogisticRegression().fit(tr[["Age"]], tr["Survived"]).score(te[["Age"]], te["Survived"]))
`));
});

describe('preprocessing before a search on the training part', () => {
  const eigenfaces = (before: boolean) => `
from sklearn.datasets import fetch_lfw_people
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
X, y = fetch_lfw_people(min_faces_per_person=70, return_X_y=True)
${
  before
    ? `X = StandardScaler().fit_transform(X)  # <- leak-preprocessing
X = PCA(n_components=150, whiten=True).fit_transform(X)  # <- leak-preprocessing
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=42)`
    : `X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=42)
scaler = StandardScaler().fit(X_train)
pca = PCA(n_components=150, whiten=True).fit(scaler.transform(X_train))
X_train, X_test = pca.transform(scaler.transform(X_train)), pca.transform(scaler.transform(X_test))`
}
clf = GridSearchCV(SVC(class_weight="balanced"), {"C": [1e3, 1e4]}).fit(X_train, y_train)
print(classification_report(y_test, clf.predict(X_test)))
`;
  it('scaler and PCA fit on all faces before the split (eigenfaces)', () => check(eigenfaces(true)));
  it('fit on the training part before a search whose winner is then tested: nothing', () =>
    check(eigenfaces(false)));
});

describe('Keras metric objects updated inside @tf.function steps', () => {
  const steps = (pick: string) => `
import tensorflow as tf
import keras
model = keras.Sequential([keras.layers.Dense(10)])
optimizer = keras.optimizers.Adam()
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
val_acc_metric = keras.metrics.SparseCategoricalAccuracy()
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_val, y_val = x_train[-10000:], y_train[-10000:]
x_train, y_train = x_train[:-10000], y_train[:-10000]
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(64)
pick_dataset = tf.data.Dataset.from_tensor_slices((${pick})).batch(64)

@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss_fn(y, model(x, training=True))
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))

@tf.function
def test_step(x, y):
    val_acc_metric.update_state(y, model(x, training=False))${pick.includes('test') ? '  # <- leak-selection' : ''}

best = 0.0
for epoch in range(10):
    for x, y in train_dataset:
        train_step(x, y)
    for x, y in pick_dataset:
        test_step(x, y)
    acc = val_acc_metric.result()
    val_acc_metric.reset_state()
    if acc > best:
        best = acc
        model.save_weights("best.weights.h5")
model.load_weights("best.weights.h5")
print(model.evaluate(x_test, y_test))
`;
  it('the best epoch kept by a metric object updated on the test set', () => check(steps('x_test, y_test')));
  it('the same kept by the validation split, then tested once: nothing', () => check(steps('x_val, y_val')));
});

describe('an honest estimate must be of the same data', () => {
  const demo = (tail: string) => `
import xgboost as xgb
from sklearn.datasets import fetch_california_housing, load_digits
from sklearn.metrics import confusion_matrix, mean_squared_error
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
X, y = load_digits(n_class=2, return_X_y=True)
for train_index, test_index in KFold(n_splits=2, shuffle=True, random_state=0).split(X):
    model = xgb.XGBClassifier().fit(X[train_index], y[train_index])
    print(confusion_matrix(y[test_index], model.predict(X[test_index])))
X, y = fetch_california_housing(return_X_y=True)
clf = GridSearchCV(xgb.XGBRegressor(), {"max_depth": [2, 4, 6]})
${tail}
`;
  it('best_score_ of a search on one data set, beside a test evaluation of another', () =>
    check(demo('clf.fit(X, y)\nprint(clf.best_score_, clf.best_params_)  # <- leak-selection')));
  it('the search on a training part, its winner tested on the rest: nothing', () =>
    check(
      demo(
        'X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)\nclf.fit(X_train, y_train)\nprint(clf.best_score_, mean_squared_error(y_test, clf.predict(X_test)))',
      ),
    ));
});
