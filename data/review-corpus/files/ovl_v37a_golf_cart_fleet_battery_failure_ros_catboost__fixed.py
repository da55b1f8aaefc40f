# label: leakage/none
"""Pre-season battery pack failure risk for leased golf cart fleets.

One row per cart: telematics summary from the 2023 off-season service visit and
whether the traction pack failed during the following playing season.
"""
import pandas as pd
from catboost import CatBoostClassifier
from imblearn.over_sampling import RandomOverSampler
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

DATA = "fleet/cart_offseason_service_2023.csv"
CAT_COLS = ["club_region", "cart_model", "battery_chemistry", "charger_model", "storage_type"]
NUM_COLS = [
    "pack_age_months",
    "charge_cycles",
    "avg_depth_of_discharge",
    "min_cell_voltage_v",
    "cell_voltage_spread_v",
    "internal_resistance_mohm",
    "water_top_ups_last_season",
    "rounds_last_season",
    "course_elevation_gain_m",
    "storage_temp_min_c",
    "odometer_km",
]
TARGET = "pack_failed_next_season"


class PackRiskModel:
    def __init__(self, seed=42):
        self.seed = seed
        self.clf = CatBoostClassifier(
            iterations=1200,
            depth=6,
            learning_rate=0.03,
            l2_leaf_reg=5,
            loss_function="Logloss",
            random_seed=seed,
            verbose=200,
        )

    def fit(self, X, y):
        self.clf.fit(X, y, cat_features=CAT_COLS)
        return self

    def score(self, X):
        return self.clf.predict_proba(X)[:, 1]


def load():
    df = pd.read_csv(DATA)
    df = df.dropna(subset=[TARGET])
    for c in CAT_COLS:
        df[c] = df[c].fillna("unknown").astype(str)
    return df


def main():
    df = load()
    X = df[CAT_COLS + NUM_COLS]
    y = df[TARGET].astype(int)
    print(f"carts: {len(df):,}  failure rate: {y.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=42
    )
    ros = RandomOverSampler(sampling_strategy=0.5, random_state=42)
    X_bal, y_bal = ros.fit_resample(X_train, y_train)

    model = PackRiskModel().fit(X_bal, y_bal)
    proba = model.score(X_test)
    pred = (proba >= 0.5).astype(int)

    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, pred, digits=3))

    imp = pd.Series(model.clf.get_feature_importance(), index=X.columns)
    print(imp.sort_values(ascending=False).head(8).round(2))


if __name__ == "__main__":
    main()
