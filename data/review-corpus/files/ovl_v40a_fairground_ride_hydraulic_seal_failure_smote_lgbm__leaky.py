# label: leakage/overlap
"""Seal failure risk for hydraulic cylinders on travelling fairground rides.

One row per cylinder, taken from its most recent annual strip-down; features
come from the ride operator's log book and the oil sample taken before
strip-down. The label is whether the inspector recorded a failed rod or
piston seal.
"""
from dataclasses import dataclass

import lightgbm as lgb
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

FEATURES = [
    "operating_hours",
    "pressure_cycles_k",
    "max_oil_temp_c",
    "mean_working_pressure_bar",
    "iso_particle_code_4um",
    "iso_particle_code_6um",
    "water_ppm",
    "seal_age_months",
    "rod_diameter_mm",
    "stroke_mm",
    "build_years_since",
    "pack_down_moves",
    "outdoor_storage",
]


@dataclass
class SealFailureModel:
    seed: int = 42
    test_size: float = 0.25

    def load(self, path):
        df = pd.read_csv(path)
        df = df[df["strip_down_complete"] == 1]
        df = df.sort_values("inspection_year").drop_duplicates("cylinder_serial", keep="last").copy()
        df["outdoor_storage"] = (df["winter_storage"] == "yard").astype(int)
        df["build_years_since"] = df["inspection_year"] - df["cylinder_build_year"]
        return df.dropna(subset=FEATURES + ["seal_failed"])

    def prepare(self, df):
        X = df[FEATURES].to_numpy(dtype=float)
        y = df["seal_failed"].to_numpy(dtype=int)
        X_res, y_res = SMOTE(k_neighbors=5, random_state=self.seed).fit_resample(X, y)
        return train_test_split(X_res, y_res, test_size=self.test_size, stratify=y_res, random_state=self.seed)

    def fit(self, X_train, y_train):
        self.model = lgb.LGBMClassifier(
            n_estimators=600,
            learning_rate=0.03,
            num_leaves=15,
            min_child_samples=20,
            subsample=0.8,
            subsample_freq=1,
            colsample_bytree=0.8,
            reg_lambda=1.0,
            random_state=self.seed,
            verbose=-1,
        )
        self.model.fit(X_train, y_train)
        return self

    def evaluate(self, X_test, y_test):
        proba = self.model.predict_proba(X_test)[:, 1]
        pred = (proba >= 0.5).astype(int)
        print(f"ROC AUC: {roc_auc_score(y_test, proba):.4f}")
        print(f"PR AUC:  {average_precision_score(y_test, proba):.4f}")
        print(classification_report(y_test, pred, target_names=["ok", "seal failed"]))
        imp = pd.Series(self.model.feature_importances_, index=FEATURES).sort_values(ascending=False)
        print(imp.head(8))


if __name__ == "__main__":
    runner = SealFailureModel()
    data = runner.load("logbooks/cylinder_stripdowns_2016_2024.csv")
    print(f"{len(data)} cylinders, failure rate {data['seal_failed'].mean():.3f}")
    X_train, X_test, y_train, y_test = runner.prepare(data)
    runner.fit(X_train, y_train).evaluate(X_test, y_test)
