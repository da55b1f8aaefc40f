# label: leakage/none
import pandas as pd
from imblearn.over_sampling import SMOTEN
from imblearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.preprocessing import OneHotEncoder

# Annual roster snapshot of the district's volunteer fire brigades.
# `left_within_year` = member resigned or went inactive before the next snapshot.
ROSTER = "exports/brigade_roster_snapshots.csv"

CATEGORICAL = [
    "station", "rank", "age_band", "tenure_band", "employment_sector",
    "commute_band", "shift_pattern", "qualification_level", "callouts_band",
    "training_attendance_band", "has_family_in_brigade", "childcare_duties",
]


def load_roster(path):
    df = pd.read_csv(path, dtype=str)
    df = df[df["status_at_snapshot"] == "active"]
    df = df.drop_duplicates(subset=["member_id", "snapshot_year"], keep="last")
    df = df[df["snapshot_year"].astype(int) == df["snapshot_year"].astype(int).max() - 1]
    df[CATEGORICAL] = df[CATEGORICAL].fillna("unknown")
    return df


roster = load_roster(ROSTER)
X = roster[CATEGORICAL]
y = roster["left_within_year"].astype(int)
print(f"{len(roster)} members, attrition {y.mean():.1%}")

model = Pipeline([
    ("smoten", SMOTEN(sampling_strategy=0.5, k_neighbors=5, random_state=4)),
    ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=10)),
    ("logit", LogisticRegression(C=0.5, max_iter=2000)),
])

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=4)
scores = cross_validate(model, X, y, cv=cv,
                        scoring=["roc_auc", "average_precision", "recall", "precision"])
summary = pd.DataFrame({k.replace("test_", ""): v for k, v in scores.items() if k.startswith("test_")})
print(summary.agg(["mean", "std"]).round(3).T)

model.fit(X, y)
coefs = pd.Series(model[-1].coef_[0], index=model[-2].get_feature_names_out(CATEGORICAL))
print("strongest retention risks:")
print(coefs.sort_values(ascending=False).head(12).round(2))

roster["risk"] = model.predict_proba(X)[:, 1]
(roster.sort_values("risk", ascending=False)
       .groupby("station").head(5)[["member_id", "station", "rank", "risk"]]
       .to_csv("exports/station_retention_calls.csv", index=False))
