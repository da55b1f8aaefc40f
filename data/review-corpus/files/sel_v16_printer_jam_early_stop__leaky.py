# label: leakage/selection
# twin: sel_v16_printer_jam_early_stop__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

PARAMS = {
    "objective": "binary",
    "metric": "auc",
    "learning_rate": 0.03,
    "num_leaves": 31,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "verbose": -1,
}
FEATURES = ["pages_printed", "duplex_share", "paper_gsm", "humidity_pct", "days_since_service",
            "roller_age_pages", "tray_switches", "toner_level", "envelope_jobs"]
LABEL = "jam_next_day"


def load_logs(path):
    df = pd.read_parquet(path)
    df["day"] = pd.to_datetime(df["day"])
    return df.dropna(subset=[LABEL]).sort_values("day").reset_index(drop=True)


def time_split(df, frac):
    cut = df["day"].quantile(frac)
    return df[df["day"] <= cut], df[df["day"] > cut]


def make_ds(frame, ref=None):
    return lgb.Dataset(frame[FEATURES], label=frame[LABEL], reference=ref)


def main(path="data/printer_daily_logs.parquet"):
    df = load_logs(path)
    train, test = time_split(df, 0.8)
    print(f"train days up to {train['day'].max():%Y-%m-%d}, {len(test)} test rows")
    dtrain = make_ds(train)
    dvalid = make_ds(test, ref=dtrain)
    booster = lgb.train(
        PARAMS,
        dtrain,
        num_boost_round=3000,
        valid_sets=[dvalid],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )
    print("best iteration:", booster.best_iteration)

    proba = booster.predict(test[FEATURES], num_iteration=booster.best_iteration)
    print(f"test AUC: {roc_auc_score(test[LABEL], proba):.4f}")
    print(f"test AP:  {average_precision_score(test[LABEL], proba):.4f}")
    imp = pd.Series(booster.feature_importance("gain"), index=FEATURES).sort_values(ascending=False)
    print(imp.head(5))


if __name__ == "__main__":
    main()
