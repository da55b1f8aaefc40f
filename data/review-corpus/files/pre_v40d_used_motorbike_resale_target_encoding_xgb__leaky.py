# label: leakage/preprocessing
"""Trade-in valuation model for used motorbikes at the dealer group.

Sale prices come from completed retail sales. Model names have a long tail,
so they are smoothed-mean encoded on log price before boosting.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

SMOOTHING = 20
CURRENT_YEAR = 2024

BASE_FEATURES = [
    "bike_age",
    "mileage_km",
    "log_mileage",
    "engine_cc",
    "owners",
    "service_history_full",
    "abs",
    "quickshifter",
    "aftermarket_exhaust",
    "days_to_mot",
    "make",
    "segment",
    "region",
]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df = df[(df["sale_price"] > 300) & (df["mileage_km"] < 250_000)]
    df["bike_age"] = CURRENT_YEAR - df["year"]
    df["log_mileage"] = np.log1p(df["mileage_km"])
    df["log_price"] = np.log(df["sale_price"])
    df["model_key"] = (df["make"].str.lower() + " " + df["model"].str.lower()).str.strip()
    for col in ["make", "segment", "region"]:
        df[col] = df[col].astype("category")
    return df


def add_model_encoding(target: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    prior = reference["log_price"].mean()
    stats = reference.groupby("model_key")["log_price"].agg(["mean", "count"])
    smoothed = (stats["mean"] * stats["count"] + prior * SMOOTHING) / (stats["count"] + SMOOTHING)
    target = target.copy()
    target["model_price_enc"] = target["model_key"].map(smoothed).fillna(prior)
    target["model_count"] = target["model_key"].map(stats["count"]).fillna(0)
    return target


def main() -> None:
    sales = prepare(pd.read_csv("retail_bike_sales.csv", parse_dates=["sold_date"]))
    sales = add_model_encoding(sales, reference=sales)

    train, test = train_test_split(sales, test_size=0.2, random_state=8)

    features = BASE_FEATURES + ["model_price_enc", "model_count"]
    model = xgb.XGBRegressor(
        n_estimators=900,
        learning_rate=0.03,
        max_depth=6,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=3,
        reg_lambda=2.0,
        tree_method="hist",
        enable_categorical=True,
        random_state=8,
    )
    model.fit(train[features], train["log_price"])

    pred_price = np.exp(model.predict(test[features]))
    true_price = test["sale_price"].to_numpy()
    print(f"MAE  : {mean_absolute_error(true_price, pred_price):,.0f}")
    print(f"MAPE : {mean_absolute_percentage_error(true_price, pred_price):.3%}")

    test = test.assign(abs_pct_err=np.abs(pred_price - true_price) / true_price)
    print(test.groupby("segment", observed=True)["abs_pct_err"].median().round(3).to_string())

    gain = model.get_booster().get_score(importance_type="gain")
    print(pd.Series(gain).sort_values(ascending=False).head(10).round(1).to_string())


if __name__ == "__main__":
    main()
