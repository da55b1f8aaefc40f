# label: leakage/none
"""Railway point heater element failure within the next maintenance interval.

Point heaters keep switches and crossings clear of snow and ice. Controller
logs are summarised per maintenance interval and joined to the asset
register. A LightGBM classifier is tuned over a small grid of tree shapes
and the chosen configuration is reported.
"""
import itertools

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

DATA = "data/point_heater_intervals.parquet"
TARGET = "element_failed"
CATEGORICAL = ["heater_type", "route", "switch_type", "controller_make"]
NUMERIC = [
    "rated_w_per_m",
    "heated_length_m",
    "avg_daily_on_hours",
    "frost_days",
    "snow_days",
    "on_off_cycles_per_day",
    "min_rail_temp_c",
    "element_age_months",
    "insulation_resistance_mohm",
    "days_since_clamp_check",
]
FEATURES = CATEGORICAL + NUMERIC
GRID = {
    "num_leaves": [15, 31, 63],
    "min_child_samples": [10, 30, 80],
    "reg_lambda": [0.0, 1.0],
}


def load_frame(path):
    df = pd.read_parquet(path)
    df = df.dropna(subset=[TARGET])
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def fit_model(X, y, params):
    model = lgb.LGBMClassifier(
        n_estimators=400,
        learning_rate=0.03,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=7,
        verbose=-1,
        **params,
    )
    model.fit(X, y, categorical_feature=CATEGORICAL)
    return model


def split_by_asset(df, test_size, seed):
    splitter = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a_idx, b_idx = next(splitter.split(df, groups=df["asset_id"]))
    a, b = df.iloc[a_idx], df.iloc[b_idx]
    return a[FEATURES], b[FEATURES], a[TARGET].astype(int), b[TARGET].astype(int)


def main():
    df = load_frame(DATA)
    print(f"{len(df)} heater intervals on {df['asset_id'].nunique()} assets, "
          f"failure rate {df[TARGET].mean():.3f}")

    X_train, X_test, y_train, y_test = split_by_asset(df, 0.2, seed=7)

    train_df = df.loc[X_train.index]
    X_fit, X_val, y_fit, y_val = split_by_asset(train_df, 0.25, seed=7)

    results = []
    for values in itertools.product(*GRID.values()):
        params = dict(zip(GRID.keys(), values))
        model = fit_model(X_fit, y_fit, params)
        proba = model.predict_proba(X_val)[:, 1]
        results.append((roc_auc_score(y_val, proba), params))

    results.sort(key=lambda r: r[0], reverse=True)
    for score, params in results[:5]:
        print(f"  auc={score:.4f}  {params}")
    best_params = results[0][1]

    final = fit_model(X_train, y_train, best_params)
    test_proba = final.predict_proba(X_test)[:, 1]
    print("chosen params:", best_params)
    print(f"test ROC AUC: {roc_auc_score(y_test, test_proba):.4f}")
    print(f"test PR AUC:  {average_precision_score(y_test, test_proba):.4f}")

    flagged = test_proba >= np.quantile(test_proba, 0.9)
    print(f"failure rate in top decile: {y_test[flagged].mean():.3f}")

    importance = pd.Series(
        final.booster_.feature_importance(importance_type="gain"),
        index=FEATURES,
    ).sort_values(ascending=False)
    print(importance.head(8).round(1).to_string())


if __name__ == "__main__":
    main()
