# label: leakage/preprocessing
# Winter operations: probability that the next pilot braking action report on a
# runway is MEDIUM or worse, from the runway condition sensors and the METAR.
import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.neural_network import MLPClassifier

obs = pd.read_csv("data/rwy_condition_obs.csv.gz", parse_dates=["obs_time"])
metar = pd.read_csv("data/metar_decoded.csv.gz", parse_dates=["obs_time"])
pireps = pd.read_csv("data/braking_action_reports.csv.gz", parse_dates=["report_time"])

obs = obs.sort_values("obs_time")
metar = metar.sort_values("obs_time")
pireps = pireps.sort_values("report_time")

# latest sensor / weather observation before each pilot report
df = pd.merge_asof(pireps, obs, left_on="report_time", right_on="obs_time",
                   by="runway", direction="backward", tolerance=pd.Timedelta("30min"))
df = pd.merge_asof(df, metar.drop(columns=["station"]), left_on="report_time",
                   right_on="obs_time", direction="backward",
                   tolerance=pd.Timedelta("70min"), suffixes=("", "_metar"))
df = df.dropna(subset=["surface_temp_c", "air_temp_c", "mu_reading"])

df["reduced_braking"] = df["braking_action"].isin(["MEDIUM", "MEDIUM TO POOR", "POOR"]).astype(int)
df["temp_spread"] = df["air_temp_c"] - df["dewpoint_c"]
df["surface_below_dew"] = (df["surface_temp_c"] <= df["dewpoint_c"]).astype(int)
df["hours_since_treatment"] = df["hours_since_treatment"].fillna(48).clip(upper=48)
df["winter"] = np.where(df["report_time"].dt.month >= 7,
                        df["report_time"].dt.year, df["report_time"].dt.year - 1)

CONTAMINANTS = ["dry", "wet", "slush", "dry_snow", "wet_snow", "compacted_snow", "ice", "wet_ice"]
PRECIP = ["none", "RA", "DZ", "SN", "FZRA", "FZDZ", "PL", "SG"]
cont = pd.get_dummies(pd.Categorical(df["contaminant"], categories=CONTAMINANTS), prefix="c")
prec = pd.get_dummies(pd.Categorical(df["precip_type"].fillna("none"), categories=PRECIP), prefix="p")

NUM = ["surface_temp_c", "air_temp_c", "dewpoint_c", "temp_spread", "wind_kt",
       "visibility_m", "contaminant_depth_mm", "coverage_pct", "mu_reading",
       "hours_since_treatment", "chemical_g_m2", "sand_g_m2"]
num = df[NUM].fillna(0.0)
num = (num - num.mean()) / num.std()

X = pd.concat([num.reset_index(drop=True), cont, prec,
               df[["surface_below_dew"]].reset_index(drop=True)], axis=1).astype(float)
y = df["reduced_braking"].to_numpy()
winter = df["winter"].to_numpy()

# the last two winters are kept for evaluation
train_idx = winter < 2022
test_idx = winter >= 2022
X_train, y_train = X[train_idx], y[train_idx]
X_test, y_test = X[test_idx], y[test_idx]
print(f"train {len(y_train)} reports ({y_train.mean():.1%} reduced), "
      f"test {len(y_test)} ({y_test.mean():.1%})")

mlp = MLPClassifier(hidden_layer_sizes=(32, 16), alpha=1e-3, learning_rate_init=1e-3,
                    max_iter=400, random_state=9)
mlp.fit(X_train, y_train)

p = mlp.predict_proba(X_test)[:, 1]
print(f"AUC {roc_auc_score(y_test, p):.3f}")
print(classification_report(y_test, (p >= 0.5).astype(int), target_names=["good", "reduced"]))

by_cont = pd.DataFrame({"contaminant": df.loc[test_idx, "contaminant"].to_numpy(),
                        "y": y_test, "p": p})
print(by_cont.groupby("contaminant").agg(n=("y", "size"), obs=("y", "mean"), pred=("p", "mean")).round(3))
