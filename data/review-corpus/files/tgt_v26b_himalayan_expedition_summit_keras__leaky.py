# label: leakage/target
"""Estimate the chance that a Himalayan expedition puts at least one member on the summit."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from tensorflow import keras

exped = pd.read_csv("expeditions.csv", parse_dates=["bc_arrival", "bc_departure"])
peaks = pd.read_csv("peaks.csv")        # peak_id, height_m, region, first_ascent_year
members = pd.read_csv("members.csv")    # expid, member_id, age, sex, hired, prior_8000m

df = exped.merge(peaks, on="peak_id", how="inner")
crew = members.groupby("expid").agg(
    mean_age=("age", "mean"),
    share_female=("sex", lambda s: (s == "F").mean()),
    n_hired=("hired", "sum"),
    prior_8000m_total=("prior_8000m", "sum"),
).reset_index()
df = df.merge(crew, on="expid", how="left")

df = df[df["year"] >= 1990]
df = df[df["total_members"].between(1, 60)].copy()
df["summit_success"] = (df["summiters"] > 0).astype(int)
df["hired_ratio"] = df["n_hired"] / df["total_members"]
df["peak_age"] = df["year"] - df["first_ascent_year"].fillna(df["year"])
df["is_8000er"] = (df["height_m"] >= 8000).astype(int)
df["days_at_base"] = (df["bc_departure"] - df["bc_arrival"]).dt.days

NUMERIC = ["height_m", "year", "total_members", "hired_ratio", "mean_age", "share_female",
           "prior_8000m_total", "peak_age", "is_8000er", "oxygen_planned", "days_at_base"]
CATEGORICAL = ["season", "region", "route_type", "nation_group"]

train = df[df["year"] <= 2016].sort_values("year")
test = df[df["year"] >= 2018]
print(f"train {len(train)} expeditions, test {len(test)}, "
      f"success rate {train['summit_success'].mean():.3f}")

prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
    ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                          OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
     CATEGORICAL),
])
X_train = prep.fit_transform(train[NUMERIC + CATEGORICAL]).astype("float32")
X_test = prep.transform(test[NUMERIC + CATEGORICAL]).astype("float32")
y_train = train["summit_success"].to_numpy("float32")
y_test = test["summit_success"].to_numpy("float32")

keras.utils.set_random_seed(4)
model = keras.Sequential([
    keras.layers.Input(shape=(X_train.shape[1],)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc")])
# the last 15% of the year-sorted training rows act as validation
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True)
model.fit(X_train, y_train, validation_split=0.15, epochs=200, batch_size=64,
          callbacks=[stop], verbose=0)

p = model.predict(X_test, verbose=0).ravel()
print(f"test ROC AUC {roc_auc_score(y_test, p):.3f}, Brier {brier_score_loss(y_test, p):.4f}")
by_peak = (test.assign(p=p).groupby("is_8000er")
               .agg(n=("p", "size"), observed=("summit_success", "mean"), predicted=("p", "mean")))
print(by_peak.round(3))
