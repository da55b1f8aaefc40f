# label: leakage/none
# twin: sel_v16_violin_model_choice__leaky.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBRegressor

NUMERIC = ["year_made", "condition_score", "provenance_docs", "back_length_mm", "prior_exhibitions"]
CATEGORICAL = ["maker_school", "auction_house", "varnish_type"]
CANDIDATES = {
    "ridge": Ridge(alpha=1.0),
    "forest": RandomForestRegressor(n_estimators=400, min_samples_leaf=3, random_state=0),
    "gbr": GradientBoostingRegressor(random_state=0),
    "xgb": XGBRegressor(n_estimators=600, learning_rate=0.05, max_depth=4, subsample=0.8),
}


def load_lots(path="data/violin_lots.csv"):
    df = pd.read_csv(path, parse_dates=["sale_date"])
    df = df.sort_values("sale_date").drop_duplicates("instrument_id", keep="last")
    df["log_price"] = np.log(df["hammer_price_usd"])
    return df.reset_index(drop=True)


def make_pipe(estimator):
    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])
    return Pipeline([("prep", prep), ("model", estimator)])


def main():
    df = load_lots()
    train = df[df["sale_date"] < "2021-01-01"]
    test = df[df["sale_date"] >= "2021-01-01"]
    X_train, y_train = train[NUMERIC + CATEGORICAL], train["log_price"]
    X_test, y_test = test[NUMERIC + CATEGORICAL], test["log_price"]

    scores = {}
    for name, est in CANDIDATES.items():
        cv = cross_val_score(make_pipe(est), X_train, y_train, cv=TimeSeriesSplit(n_splits=5),
                             scoring="neg_mean_absolute_error")
        scores[name] = -cv.mean()
        print(f"{name:>7}: CV MAE {scores[name]:.3f}")

    best = min(scores, key=scores.get)
    final = make_pipe(CANDIDATES[best]).fit(X_train, y_train)
    mae = mean_absolute_error(y_test, final.predict(X_test))
    print(f"selected {best}; test MAE (log price) {mae:.3f}, ~{np.expm1(mae):.1%} typical error")


if __name__ == "__main__":
    main()
