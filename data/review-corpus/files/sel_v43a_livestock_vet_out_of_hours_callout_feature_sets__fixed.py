# label: leakage/none
# Out-of-hours phone triage at a mixed farm-animal practice: which night and
# weekend calls end with a vet driving out to the farm? Used to plan the
# second-on-call rota.
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

calls = pd.read_csv("exports/ooh_calls_2022_2024.csv", parse_dates=["call_start"])
farms = pd.read_csv("exports/farm_register.csv")

calls = calls[calls["caller_type"] == "client"]
df = calls.merge(farms, on="farm_id", how="left")

df["hour"] = df["call_start"].dt.hour
df["weekend"] = (df["call_start"].dt.dayofweek >= 5).astype(int)
df["lambing_season"] = df["call_start"].dt.month.isin([2, 3, 4]).astype(int)
df["calving_season"] = df["call_start"].dt.month.isin([8, 9, 10]).astype(int)
df["attended"] = (df["outcome"] == "visit").astype(int)
df["years_registered"] = (
    (df["call_start"] - pd.to_datetime(df["registered_date"])).dt.days / 365.25
)

# attended calls at the same farm over the preceding twelve months
df = df.sort_values(["farm_id", "call_start"]).reset_index(drop=True)
prev = (
    df.groupby("farm_id")
    .rolling("365D", on="call_start", closed="left")["attended"]
    .sum()
)
df["ooh_visits_prev_12m"] = prev.fillna(0).to_numpy()

FEATURE_SETS = {
    "triage": {
        "num": ["hour", "weekend", "animals_affected"],
        "cat": ["species", "complaint_group"],
    },
    "triage_season": {
        "num": ["hour", "weekend", "animals_affected", "lambing_season",
                "calving_season"],
        "cat": ["species", "complaint_group"],
    },
    "triage_farm": {
        "num": ["hour", "weekend", "animals_affected", "lambing_season",
                "calving_season", "herd_size", "distance_km"],
        "cat": ["species", "complaint_group", "enterprise_type"],
    },
    "triage_farm_history": {
        "num": ["hour", "weekend", "animals_affected", "lambing_season",
                "calving_season", "herd_size", "distance_km",
                "ooh_visits_prev_12m", "years_registered"],
        "cat": ["species", "complaint_group", "enterprise_type",
                "has_trained_stockperson"],
    },
}


def build_model(num_cols, cat_cols):
    prep = ColumnTransformer([
        ("num", StandardScaler(), num_cols),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cat_cols),
    ])
    return Pipeline([
        ("prep", prep),
        ("smote", SMOTE(k_neighbors=5, random_state=3)),
        ("clf", LogisticRegression(C=0.5, max_iter=2000)),
    ])


all_cols = sorted({c for fs in FEATURE_SETS.values() for c in fs["num"] + fs["cat"]})
train_mask = df["call_start"] < "2024-07-01"
X_train, y_train = df.loc[train_mask, all_cols], df.loc[train_mask, "attended"]
X_test, y_test = df.loc[~train_mask, all_cols], df.loc[~train_mask, "attended"]
y = df["attended"]
print(f"{len(X_train)} train calls, {len(X_test)} test calls, "
      f"visit rate {y.mean():.1%}")

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=3)
results = {}
for name, fs in FEATURE_SETS.items():
    model = build_model(fs["num"], fs["cat"])
    scores = cross_val_score(model, X_train, y_train, cv=cv, scoring="roc_auc")
    results[name] = scores.mean()
    print(f"{name:22s} CV AUC={scores.mean():.3f} +/- {scores.std():.3f}")

best_name = max(results, key=results.get)
print(f"\nchosen feature set: {best_name}")

best_fs = FEATURE_SETS[best_name]
final = build_model(best_fs["num"], best_fs["cat"]).fit(X_train, y_train)
proba = final.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"test average precision: {average_precision_score(y_test, proba):.3f}")

coefs = pd.Series(
    final.named_steps["clf"].coef_[0],
    index=final.named_steps["prep"].get_feature_names_out(),
).sort_values()
print(coefs.round(3).to_string())
