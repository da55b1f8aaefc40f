# label: leakage/selection
"""Issuance spread (bps over the AAA curve) for new municipal bond deals."""
import argparse

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CONFIG = {
    "deals": "data/muni_deals.csv",
    "issuers": "data/issuer_profiles.csv",
    "cutoff": "2022-07-01",
    "target": "spread_bps",
    "categorical": ["state", "sector", "rating_bucket", "security_type", "bank_qualified"],
    "numeric": ["coupon", "years_to_maturity", "log_par_amount", "callable_years",
                "debt_per_capita", "fund_balance_ratio", "pension_funded_ratio", "mmd_aaa_yield"],
}

CANDIDATES = {
    "ridge": Ridge(alpha=3.0),
    "forest": RandomForestRegressor(n_estimators=400, min_samples_leaf=5, n_jobs=-1, random_state=0),
    "hgb": HistGradientBoostingRegressor(max_iter=600, learning_rate=0.05, max_leaf_nodes=31,
                                         l2_regularization=1.0, random_state=0),
}


def load_deals(cfg):
    deals = pd.read_csv(cfg["deals"], parse_dates=["pricing_date"]).sort_values("pricing_date")
    issuers = pd.read_csv(cfg["issuers"], parse_dates=["report_date"]).sort_values("report_date")
    # latest audited financials published before the deal priced
    df = pd.merge_asof(deals, issuers, left_on="pricing_date", right_on="report_date",
                       by="issuer_id", direction="backward", allow_exact_matches=False)
    df["log_par_amount"] = np.log(df["par_amount"])
    df["callable_years"] = df["first_call_years"].fillna(df["years_to_maturity"])
    df["rating_bucket"] = df["rating"].str.replace(r"[+-]", "", regex=True)
    return df.sort_values("pricing_date").reset_index(drop=True)


def build_pipeline(model, cfg):
    prep = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), cfg["categorical"]),
        ("num", StandardScaler(), cfg["numeric"]),
    ])
    return Pipeline([("prep", prep), ("model", model)])


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cutoff", default=CONFIG["cutoff"])
    args = parser.parse_args()

    df = load_deals(CONFIG)
    features = CONFIG["categorical"] + CONFIG["numeric"]
    train = df[df["pricing_date"] < args.cutoff]
    test = df[df["pricing_date"] >= args.cutoff]
    X_train, y_train = train[features], train[CONFIG["target"]]
    X_test, y_test = test[features], test[CONFIG["target"]]
    print(f"{len(train)} deals before {args.cutoff}, {len(test)} after")

    results = {}
    for name, model in CANDIDATES.items():
        pipe = build_pipeline(model, CONFIG)
        pipe.fit(X_train, y_train)
        pred = pipe.predict(X_test)
        results[name] = {"rmse": rmse(y_test, pred), "mae": mean_absolute_error(y_test, pred), "pipe": pipe}
        print(f"{name:>7}: rmse={results[name]['rmse']:.2f}  mae={results[name]['mae']:.2f}")

    best_name = min(results, key=lambda k: results[k]["rmse"])
    best = results[best_name]
    print(f"selected {best_name}")
    print(f"out-of-time RMSE {best['rmse']:.2f} bps, MAE {best['mae']:.2f} bps")
    pd.Series({k: v["rmse"] for k, v in results.items()}).to_csv("muni_spread_model_rmse.csv")


if __name__ == "__main__":
    main()
