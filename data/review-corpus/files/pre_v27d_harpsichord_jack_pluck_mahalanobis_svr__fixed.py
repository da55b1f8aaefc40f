# label: leakage/none
"""Predict harpsichord jack pluck force from quill geometry and workshop conditions with an SVR."""
import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.covariance import MinCovDet
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVR

GEOMETRY = ["quill_length_mm", "quill_thickness_mm", "quill_width_mm", "voicing_angle_deg", "tongue_spring_g"]

jacks = pd.read_csv("jack_voicing_log.csv", parse_dates=["voiced_on"])
instruments = pd.read_csv("instrument_register.csv")

df = jacks.merge(instruments, on="instrument_id", how="left")
df = df.dropna(subset=GEOMETRY + ["pluck_force_g"])
df = df[df["pluck_force_g"].between(5, 120)]
df["humidity_pct"] = df["humidity_pct"].clip(20, 90)
df["key_position"] = df["key_index"] / df["keys_in_register"]

numeric = GEOMETRY + ["geometry_distance", "humidity_pct", "workshop_temp_c", "string_gauge_mm", "key_position"]
categorical = ["quill_material", "register", "maker_school"]

# jacks from the same instrument stay together
splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=9)
train_idx, test_idx = next(splitter.split(df, groups=df["instrument_id"]))
train, test = df.iloc[train_idx].copy(), df.iloc[test_idx].copy()

# how far each quill's geometry sits from the typical voicing
mcd = MinCovDet(random_state=0).fit(train[GEOMETRY])
for part in (train, test):
    part["geometry_distance"] = np.sqrt(mcd.mahalanobis(part[GEOMETRY]))
print(len(train), "train jacks from", train["instrument_id"].nunique(), "instruments")
print(len(test), "test jacks from", test["instrument_id"].nunique(), "instruments")

model = make_pipeline(
    make_column_transformer(
        (StandardScaler(), numeric),
        (OneHotEncoder(handle_unknown="ignore"), categorical),
    ),
    SVR(C=10.0, epsilon=1.0, gamma="scale"),
)
model.fit(train[numeric + categorical], train["pluck_force_g"])
pred = model.predict(test[numeric + categorical])

print("test MAE (g):", round(mean_absolute_error(test["pluck_force_g"], pred), 2))
print("test median AE (g):", round(median_absolute_error(test["pluck_force_g"], pred), 2))
# voicers aim to keep neighbouring jacks within 3 g of each other
print("share within 3 g:", round(float(np.mean(np.abs(test["pluck_force_g"] - pred) <= 3)), 3))
errs = test.assign(abs_err=np.abs(test["pluck_force_g"] - pred))
print(errs.groupby(["register", "quill_material"])["abs_err"].mean().round(2))
