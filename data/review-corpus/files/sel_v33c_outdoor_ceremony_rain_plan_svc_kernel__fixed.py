# label: leakage/none
"""Predict which outdoor ceremonies end up moved to the indoor rain plan.

Bookings are scored three days out from the forecast snapshot so the venue
team can pre-set the barn and warn the florist.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC

NUMERIC = [
    "fc_precip_prob_72h",
    "fc_precip_mm_72h",
    "fc_wind_kph_72h",
    "fc_temp_max_72h",
    "guest_count",
    "ceremony_hour",
    "month",
]
CATEGORICAL = ["site_area", "season_package", "weekday"]

df = pd.read_csv("data/ceremony_bookings.csv", parse_dates=["ceremony_date"])
df = df[df["ceremony_type"] == "outdoor"].copy()
df["month"] = df["ceremony_date"].dt.month
df["weekday"] = df["ceremony_date"].dt.day_name()
df["ceremony_hour"] = pd.to_datetime(df["ceremony_time"], format="%H:%M").dt.hour
df = df.dropna(subset=["fc_precip_prob_72h", "fc_wind_kph_72h"])

X = df[NUMERIC + CATEGORICAL]
y = df["moved_indoors"].astype(int)
print(f"{len(df)} outdoor ceremonies, {y.mean():.1%} moved indoors")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=11
)
X_fit, X_val, y_fit, y_val = train_test_split(
    X_train, y_train, test_size=0.25, stratify=y_train, random_state=11
)


def make_model(kernel, C, gamma):
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    svc = SVC(kernel=kernel, C=C, gamma=gamma, class_weight="balanced")
    return Pipeline([("pre", pre), ("svc", svc)])


results = []
for kernel in ["linear", "rbf", "poly"]:
    for C in [0.1, 1.0, 10.0, 30.0]:
        for gamma in ["scale", 0.01, 0.1]:
            if kernel == "linear" and gamma != "scale":
                continue
            model = make_model(kernel, C, gamma)
            model.fit(X_fit, y_fit)
            score = balanced_accuracy_score(y_val, model.predict(X_val))
            results.append({"kernel": kernel, "C": C, "gamma": gamma, "bal_acc": score})

results = pd.DataFrame(results).sort_values("bal_acc", ascending=False)
print(results.head(8).to_string(index=False))

best = results.iloc[0]
print(f"Chosen: kernel={best.kernel} C={best.C} gamma={best.gamma}")

final_model = make_model(best.kernel, best.C, best.gamma)
final_model.fit(X_train, y_train)
pred = final_model.predict(X_test)

print(f"Test balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
print(classification_report(y_test, pred, target_names=["kept outdoors", "moved indoors"]))

flip_rate = np.mean(pred != y_test)
print(f"Ceremonies where the call would have differed: {flip_rate:.1%}")
