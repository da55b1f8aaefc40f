# label: leakage/none
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

# Brewhouse log: one row per fermenter batch. A batch counts as stuck when the
# gravity was still more than 4 points above the recipe target on day 10.
FEATURES = [
    "original_gravity", "target_final_gravity", "pitch_rate_mcells_ml_p",
    "yeast_viability_pct", "yeast_vitality_ph_drop", "yeast_generation",
    "days_since_harvest", "dissolved_o2_ppm", "wort_zinc_ppb",
    "wort_fan_mg_l", "pitch_temp_c", "setpoint_temp_c",
    "fermenter_volume_hl", "adjunct_pct", "mash_temp_c",
]


def load_batches(path):
    df = pd.read_csv(path, parse_dates=["brew_date"])
    df = df[df["status"] == "completed"]
    df["gravity_points"] = (df["original_gravity"] - 1) * 1000
    df["pitch_per_point"] = df["pitch_rate_mcells_ml_p"] / df["gravity_points"]
    return df.dropna(subset=FEATURES + ["stuck"])


def main():
    batches = load_batches("data/fermenter_batches.csv")
    cols = FEATURES + ["gravity_points", "pitch_per_point"]
    X = batches[cols]
    y = batches["stuck"].astype(int)
    print(f"batches: {len(batches)}, stuck: {y.sum()} ({y.mean():.1%})")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=8
    )

    X_train, y_train = SMOTE(k_neighbors=5, random_state=8).fit_resample(X_train, y_train)

    forest = RandomForestClassifier(
        n_estimators=500,
        max_depth=None,
        min_samples_leaf=3,
        max_features="sqrt",
        n_jobs=-1,
        random_state=8,
    )
    forest.fit(X_train, y_train)

    proba = forest.predict_proba(X_test)[:, 1]
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    ranked = pd.Series(forest.feature_importances_, index=cols).sort_values(ascending=False)
    print("top drivers:")
    print(ranked.head(6).round(3).to_string())


if __name__ == "__main__":
    main()
