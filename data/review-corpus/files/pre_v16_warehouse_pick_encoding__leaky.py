# label: leakage/preprocessing
# twin: pre_v16_warehouse_pick_encoding__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import category_encoders as ce
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss, roc_auc_score

CFG = {
    "path": "data/warehouse_pick_lines.parquet",
    "cutoff": "2023-10-01",
    "target": "pick_error",
    "smoothing": 20.0,
}
CAT_COLS = ["picker_id", "sku_family", "zone", "shift"]
NUM_COLS = ["items_in_order", "aisle_distance_m", "unit_weight_kg", "similar_sku_nearby",
            "picker_tenure_days", "minutes_into_shift"]


def load_lines(cfg):
    df = pd.read_parquet(cfg["path"])
    df["picked_at"] = pd.to_datetime(df["picked_at"])
    df[CAT_COLS] = df[CAT_COLS].astype(str)
    return df.sort_values("picked_at").reset_index(drop=True)


def chronological_split(df, cutoff):
    mask = df["picked_at"] < pd.Timestamp(cutoff)
    return df[mask].copy(), df[~mask].copy()


def fit_model(train):
    model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, l2_regularization=1.0)
    return model.fit(train[CAT_COLS + NUM_COLS], train[CFG["target"]])


def main(cfg=CFG):
    df = load_lines(cfg)
    target = cfg["target"]
    print(f"{len(df)} pick lines, error rate {df[target].mean():.4f}")

    encoder = ce.TargetEncoder(cols=CAT_COLS, smoothing=cfg["smoothing"])
    df[CAT_COLS] = encoder.fit_transform(df[CAT_COLS], df[target])
    train, test = chronological_split(df, cfg["cutoff"])

    model = fit_model(train)
    proba = model.predict_proba(test[CAT_COLS + NUM_COLS])[:, 1]
    print(f"test AUC: {roc_auc_score(test[target], proba):.4f}")
    print(f"test log loss: {log_loss(test[target], proba):.4f}")
    worst = test.assign(p=proba).groupby("zone")["p"].mean().sort_values(ascending=False)
    print(worst.head())


if __name__ == "__main__":
    main()
