# label: leakage/none
"""Price guide for second-hand synthesizers sold through the shop's marketplace.

Fits a gradient-boosted model on completed sales (log sale price) and
reports the error in GBP on the most recent fifth of sales.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

SALES = "data/synth_marketplace_sales.csv"

NUMERIC = [
    "year_made", "polyphony", "keys", "oscillators_per_voice",
    "photos_count", "description_words", "seller_feedback_count", "original_rrp_gbp",
]
CATEGORICAL = [
    "brand", "model_family", "synth_type", "condition_grade",
    "seller_type", "region", "listing_month",
]
FLAGS = ["has_original_box", "has_power_supply", "serviced_recently", "midi_retrofit"]


def load_sales(path):
    df = pd.read_csv(path, parse_dates=["sold_at"])
    df = df[df["sale_price_gbp"].between(50, 25_000)]
    df["listing_month"] = df["sold_at"].dt.month_name()
    df["keys"] = df["keys"].replace({0: np.nan})  # desktop / rack modules
    df["age_at_sale"] = df["sold_at"].dt.year - df["year_made"]
    for col in FLAGS:
        df[col] = df[col].fillna(False).astype(int)
    return df.sort_values("sold_at").reset_index(drop=True)


def build_preprocessor():
    numeric = SimpleImputer(strategy="median", add_indicator=True)
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
        ("onehot", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=8, sparse_output=False)),
    ])
    return ColumnTransformer([
        ("num", numeric, NUMERIC + ["age_at_sale"]),
        ("cat", categorical, CATEGORICAL),
        ("flags", "passthrough", FLAGS),
    ])


def main():
    sales = load_sales(SALES)
    X = sales[NUMERIC + ["age_at_sale"] + CATEGORICAL + FLAGS]
    y = np.log(sales["sale_price_gbp"])
    print(f"{len(sales)} completed sales, {sales['model_family'].nunique()} model families")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

    model = Pipeline([
        ("prep", build_preprocessor()),
        ("hgb", HistGradientBoostingRegressor(loss="absolute_error", random_state=8)),
    ])
    grid = {
        "hgb__learning_rate": [0.03, 0.06, 0.1],
        "hgb__max_leaf_nodes": [15, 31, 63],
        "hgb__min_samples_leaf": [10, 30],
        "hgb__l2_regularization": [0.0, 1.0],
    }
    search = GridSearchCV(
        model,
        grid,
        cv=KFold(n_splits=5, shuffle=True, random_state=8),
        scoring="neg_mean_absolute_error",
        n_jobs=-1,
    )
    search.fit(X_train, y_train)
    print("best params:", search.best_params_)
    print(f"cv MAE (log): {-search.best_score_:.4f}")

    price_true = np.exp(y_test)
    price_pred = np.exp(search.predict(X_test))
    mae = mean_absolute_error(price_true, price_pred)
    medae = median_absolute_error(price_true, price_pred)
    mape = np.mean(np.abs(price_pred - price_true) / price_true)
    print(f"test MAE £{mae:,.0f} | median AE £{medae:,.0f} | MAPE {mape:.1%}")


if __name__ == "__main__":
    main()
