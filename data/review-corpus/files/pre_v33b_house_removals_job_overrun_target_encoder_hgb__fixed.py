# label: leakage/none
"""Will a house move overrun the quoted crew hours?

Quotes come from the surveyor's home visit; overrun = actual crew hours more
than 15% above the quote (from the job sheet signed off at delivery).
"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import TargetEncoder

HIGH_CARD = ["origin_district", "destination_district", "surveyor_id", "building_name"]
ACCESS = pd.CategoricalDtype(["ground_floor", "lift", "stairs_only", "no_vehicle_access"])
LOW_CARD = {
    "property_type": pd.CategoricalDtype(["flat", "terraced", "semi_detached", "detached", "bungalow"]),
    "access_origin": ACCESS,
    "access_destination": ACCESS,
    "move_day": pd.CategoricalDtype(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
}
NUMERIC = [
    "bedrooms", "surveyed_cubic_ft", "boxes_quoted", "piano", "flights_of_stairs_origin",
    "flights_of_stairs_destination", "parking_distance_m", "route_km", "crew_size_planned",
    "quoted_hours", "packing_service", "storage_leg", "lead_time_days",
]


def load_jobs(path):
    jobs = pd.read_csv(path, parse_dates=["quote_date", "move_date"])
    jobs = jobs[jobs["job_status"] == "completed"].copy()
    jobs["overrun"] = (jobs["actual_crew_hours"] > 1.15 * jobs["quoted_hours"]).astype(int)
    jobs["lead_time_days"] = (jobs["move_date"] - jobs["quote_date"]).dt.days
    jobs["move_day"] = jobs["move_date"].dt.day_name()
    jobs["building_name"] = jobs["building_name"].fillna("none")
    for col in ["piano", "packing_service", "storage_leg"]:
        jobs[col] = jobs[col].astype(int)
    return jobs


jobs = load_jobs("exports/removal_jobs_2021_2024.csv")
print(f"{len(jobs)} completed moves, overrun rate {jobs['overrun'].mean():.1%}")

X = pd.concat([jobs[HIGH_CARD], jobs[list(LOW_CARD)].astype(LOW_CARD), jobs[NUMERIC]], axis=1)
y = jobs["overrun"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=3
)

encoder = TargetEncoder(target_type="binary", smooth="auto", random_state=3)
te_cols = [f"{c}_te" for c in HIGH_CARD]
X_train[te_cols] = encoder.fit_transform(X_train[HIGH_CARD], y_train)
X_test[te_cols] = encoder.transform(X_test[HIGH_CARD])
X_train, X_test = X_train.drop(columns=HIGH_CARD), X_test.drop(columns=HIGH_CARD)

clf = HistGradientBoostingClassifier(
    learning_rate=0.05,
    max_iter=400,
    max_leaf_nodes=31,
    l2_regularization=1.0,
    categorical_features="from_dtype",
    random_state=3,
)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]

print(f"ROC AUC        {roc_auc_score(y_test, proba):.3f}")
print(f"Avg precision  {average_precision_score(y_test, proba):.3f}")
print(f"Brier          {brier_score_loss(y_test, proba):.4f}")

deciles = pd.qcut(proba, 10, labels=False, duplicates="drop")
lift = pd.DataFrame({"decile": deciles, "overrun": y_test.to_numpy()}).groupby("decile")["overrun"].mean()
print((lift / y_test.mean()).round(2).to_string())
print(f"top-decile capture: {y_test.to_numpy()[deciles == deciles.max()].sum() / y_test.sum():.1%}")
