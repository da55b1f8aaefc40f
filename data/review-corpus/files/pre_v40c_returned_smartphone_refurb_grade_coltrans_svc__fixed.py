# label: leakage/none
"""Refurbishment grade (A/B/C/recycle) for returned handsets.

The bench technician's grade is the label. The intake kiosk runs automatic
diagnostics and takes screen/back photos before the handset reaches the bench;
a model on the kiosk data would let intake route phones straight to the right line.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import balanced_accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC

NUMERIC = [
    "age_months", "storage_gb", "battery_health_pct", "battery_cycle_count",
    "screen_scratch_score", "back_scratch_score", "frame_dent_score",
    "dead_pixels", "touch_fail_zones", "speaker_db_deviation",
    "camera_focus_score", "days_since_return",
]
CATEGORICAL = ["model_family", "colour", "carrier_lock", "return_channel", "biometric_ok"]


def read_intake(path):
    df = pd.read_csv(path, dtype={"biometric_ok": "string"})
    df = df[df["grade"].isin(["A", "B", "C", "recycle"])]
    df = df[df["diagnostics_complete"] == 1]
    return df


def make_preprocessor():
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=20)),
    ])
    return ColumnTransformer([
        ("num", numeric, NUMERIC),
        ("cat", categorical, CATEGORICAL),
    ])


def main():
    intake = read_intake("data/kiosk_intake_graded_2024.csv")
    X = intake[NUMERIC + CATEGORICAL]
    y = intake["grade"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=8
    )
    prep = make_preprocessor()
    X_train = prep.fit_transform(X_train)
    X_test = prep.transform(X_test)

    clf = SVC(C=3.0, kernel="rbf", gamma="scale", class_weight="balanced")
    clf.fit(X_train, y_train)
    pred = clf.predict(X_test)

    labels = ["A", "B", "C", "recycle"]
    print(f"handsets train/test: {X_train.shape[0]}/{X_test.shape[0]}")
    print(f"balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
    print(classification_report(y_test, pred, labels=labels, digits=3))
    cm = pd.DataFrame(confusion_matrix(y_test, pred, labels=labels),
                      index=[f"true_{g}" for g in labels],
                      columns=[f"pred_{g}" for g in labels])
    print(cm)

    # margin at stake: grade A handsets routed to the C or recycle lines
    routed_down = ((y_test == "A") & pd.Series(pred, index=y_test.index).isin(["C", "recycle"])).sum()
    print(f"grade A handsets routed to C/recycle: {routed_down}")


if __name__ == "__main__":
    main()
