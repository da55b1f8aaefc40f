# label: leakage/overlap
# Boot-fitting bench: predict whether a fitted ski boot will come back for a
# shell punch / stretch during the season, from the 3D foot scan taken in store.
# One row per foot per fitting appointment.
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SCANS = "data/foot_scans.csv"
FITTINGS = "data/fittings.csv"

CAT_FEATURES = ["foot_side", "boot_brand", "boot_model", "shell_last", "liner_type",
                "skier_ability", "store"]
NUM_FEATURES = ["foot_length_mm", "forefoot_width_mm", "instep_height_mm", "heel_width_mm",
                "arch_index", "navicular_drop_mm", "ankle_bone_prominence_mm",
                "calf_circumference_cm", "shell_size_mondo", "flex_index",
                "shell_fit_gap_mm", "age", "weight_kg", "days_per_season"]
TARGET = "shell_punch"


def load_rows() -> pd.DataFrame:
    scans = pd.read_csv(SCANS, parse_dates=["scanned_at"])
    fittings = pd.read_csv(FITTINGS, parse_dates=["fitted_at"])
    df = scans.merge(fittings, on=["fitting_id", "customer_id"], how="inner", validate="m:1")
    df["shell_fit_gap_mm"] = df["shell_inner_length_mm"] - df["foot_length_mm"]
    df["liner_type"] = df["liner_type"].fillna("stock")
    df[CAT_FEATURES] = df[CAT_FEATURES].astype(str)
    return df


def main():
    df = load_rows()
    print(f"{len(df)} foot scans, {df['customer_id'].nunique()} customers")
    print(f"shell punch rate: {df[TARGET].mean():.3f}")

    X = df[CAT_FEATURES + NUM_FEATURES]
    y = df[TARGET].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=21
    )

    train_pool = Pool(X_train, y_train, cat_features=CAT_FEATURES)
    test_pool = Pool(X_test, y_test, cat_features=CAT_FEATURES)

    model = CatBoostClassifier(
        iterations=1200,
        learning_rate=0.04,
        depth=6,
        l2_leaf_reg=5,
        loss_function="Logloss",
        auto_class_weights="Balanced",
        random_seed=21,
        verbose=200,
    )
    model.fit(train_pool)

    proba = model.predict_proba(test_pool)[:, 1]
    print(f"ROC AUC:           {roc_auc_score(y_test, proba):.3f}")
    print(f"average precision: {average_precision_score(y_test, proba):.3f}")

    importances = model.get_feature_importance(prettified=True)
    print(importances.head(12).to_string(index=False))

    by_model = (
        X_test.assign(actual=y_test.values, predicted=proba)
        .groupby("boot_model")[["actual", "predicted"]]
        .mean()
        .sort_values("actual", ascending=False)
    )
    print(by_model.head(10).round(3).to_string())


if __name__ == "__main__":
    main()
