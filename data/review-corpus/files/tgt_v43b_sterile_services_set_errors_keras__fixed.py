# label: leakage/none
"""Assembly error risk for surgical instrument sets in sterile services.

Each set is scored when it is packed so that high-risk sets get a second
check at the packing bench. Labels come from theatre nonconformance reports.
"""
import numpy as np
import pandas as pd
from tensorflow import keras
from sklearn.metrics import average_precision_score, roc_auc_score

NUMERIC = [
    "instrument_count", "unique_instruments", "complexity_score",
    "loan_set", "minutes_to_deadline", "hour_of_shift", "sets_packed_last_hour",
    "tray_list_revisions", "scanner_used", "tech_error_rate", "tech_tenure_days",
]


class PackingFeatures:
    def __init__(self, window=28, prior_rate=0.02, prior_n=150):
        self.window = window
        self.prior_rate = prior_rate
        self.prior_n = prior_n

    def technician_history(self, sets):
        daily = (
            sets.groupby(["technician_id", "pack_date"])
            .agg(n=("set_error", "size"), k=("set_error", "sum"))
            .reset_index()
            .sort_values(["technician_id", "pack_date"])
        )
        g = daily.groupby("technician_id")
        n_win = g["n"].transform(lambda s: s.shift(1).rolling(self.window, min_periods=1).sum())
        k_win = g["k"].transform(lambda s: s.shift(1).rolling(self.window, min_periods=1).sum())
        daily["tech_error_rate"] = (
            (k_win.fillna(0) + self.prior_rate * self.prior_n)
            / (n_win.fillna(0) + self.prior_n)
        )
        return daily[["technician_id", "pack_date", "tech_error_rate"]]

    def transform(self, sets):
        sets = sets.copy()
        sets["pack_date"] = sets["packed_ts"].dt.normalize()
        sets["scanner_used"] = (sets["tracking_mode"] == "item_scan").astype(int)
        history = self.technician_history(sets)
        return sets.merge(history, on=["technician_id", "pack_date"], how="left")


def build_model(n_features, norm):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        norm,
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def main():
    sets = pd.read_parquet("ssd_packed_sets.parquet")
    sets = PackingFeatures().transform(sets)
    sets = sets.dropna(subset=NUMERIC).sort_values("packed_ts")

    days = np.sort(sets["pack_date"].unique())
    test_days = days[-int(len(days) * 0.2):]
    is_test = sets["pack_date"].isin(test_days)
    train, test = sets[~is_test], sets[is_test]

    X_train = train[NUMERIC].to_numpy("float32")
    X_test = test[NUMERIC].to_numpy("float32")
    y_train = train["set_error"].to_numpy("float32")
    y_test = test["set_error"].to_numpy("float32")

    norm = keras.layers.Normalization()
    norm.adapt(X_train)
    model = build_model(len(NUMERIC), norm)
    pos_weight = (1 - y_train.mean()) / y_train.mean()
    model.fit(X_train, y_train, epochs=10, batch_size=512,
              class_weight={0: 1.0, 1: float(pos_weight)}, verbose=2)

    proba = model.predict(X_test, batch_size=4096, verbose=0).ravel()
    print(f"test sets: {len(y_test)}, error rate {y_test.mean():.4f}")
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")
    top = proba >= np.quantile(proba, 0.95)
    print(f"share of errors caught by double-checking top 5%: "
          f"{y_test[top].sum() / y_test.sum():.1%}")


if __name__ == "__main__":
    main()
