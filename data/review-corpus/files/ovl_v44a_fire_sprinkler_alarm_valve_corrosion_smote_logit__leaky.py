# label: leakage/overlap
"""Annual inspection outcome for sprinkler alarm valve sets.

A valve set fails inspection when the engineer finds internal corrosion,
tuberculation or a seized clapper. Sites with a high predicted risk get the
valve internals opened up on the next service visit instead of waiting for
the five-yearly strip-down.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, confusion_matrix, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

LEVELS = {
    "system_type": ["wet", "dry", "alternate", "pre_action"],
    "pipe_material": ["black_steel", "galvanised", "cpvc", "stainless"],
    "occupancy": ["warehouse", "retail", "office", "residential", "car_park", "industrial"],
    "water_supply": ["town_main", "tank_pump", "tank_gravity"],
}
NUMERIC = [
    "valve_age_years", "water_hardness_mg_l", "supply_ph", "years_since_strip_down",
    "trip_test_drop_bar", "drain_flushes_per_year", "nitrogen_inerted", "mic_test_positive",
    "heated_valve_room", "coastal_km",
]


def encode(df):
    cols = {c: df[c].astype(float) for c in NUMERIC}
    for col, levels in LEVELS.items():
        for level in levels[1:]:
            cols[f"{col}_{level}"] = (df[col] == level).astype(float)
    return pd.DataFrame(cols, index=df.index)


@dataclass
class ValveRiskModel:
    C: float = 0.5
    seed: int = 8
    pipeline: object = field(init=False)

    def __post_init__(self):
        self.pipeline = make_pipeline(
            StandardScaler(), LogisticRegression(C=self.C, max_iter=3000)
        )

    def prepare(self, df):
        X = encode(df)
        y = df["inspection_fail"].astype(int).to_numpy()
        X_res, y_res = SMOTE(k_neighbors=5, random_state=self.seed).fit_resample(X, y)
        return train_test_split(X_res, y_res, test_size=0.25, stratify=y_res, random_state=self.seed)

    def fit(self, X, y):
        self.pipeline.fit(X, y)
        return self

    def evaluate(self, X, y, threshold=0.5):
        proba = self.pipeline.predict_proba(X)[:, 1]
        pred = (proba >= threshold).astype(int)
        print(f"ROC AUC {roc_auc_score(y, proba):.3f}")
        print(confusion_matrix(y, pred))
        print(classification_report(y, pred, digits=3))

    def coefficients(self, columns):
        coef = self.pipeline[-1].coef_[0]
        return pd.Series(coef, index=columns).sort_values(key=np.abs, ascending=False)


if __name__ == "__main__":
    inspections = pd.read_csv("data/alarm_valve_inspections.csv", parse_dates=["inspection_date"])
    # latest inspection of each valve set
    inspections = inspections.sort_values("inspection_date").drop_duplicates("valve_set_id", keep="last")
    inspections = inspections.dropna(subset=["inspection_fail", "valve_age_years"])
    inspections[NUMERIC] = inspections[NUMERIC].fillna({"coastal_km": 50.0, "mic_test_positive": 0})
    print(f"{len(inspections)} valve sets, fail rate {inspections['inspection_fail'].mean():.1%}")

    risk = ValveRiskModel(C=0.5)
    X_train, X_test, y_train, y_test = risk.prepare(inspections)
    risk.fit(X_train, y_train).evaluate(X_test, y_test)
    print(risk.coefficients(X_train.columns).head(10).round(3))
