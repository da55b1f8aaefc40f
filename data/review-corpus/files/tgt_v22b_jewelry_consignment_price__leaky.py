# label: leakage/target
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

# Price suggestion shown to staff when a consigned piece is booked in.
SRC = "data/consignment_jewelry_sales.csv"
CAT_COLS = ["metal", "item_type", "stone_type", "brand_tier", "condition", "clasp_type"]
NUM_COLS = [
    "karat", "weight_g", "melt_value_eur", "stone_carat", "n_stones", "item_age_years",
    "has_certificate", "has_box", "list_price_eur", "n_markdowns", "gold_spot_intake_eur_g",
]


class PriceModel:
    def __init__(self, params, rounds=2000):
        self.params = params
        self.rounds = rounds
        self.booster = None

    def _matrix(self, df, y=None):
        X = df[CAT_COLS + NUM_COLS].copy()
        for c in CAT_COLS:
            X[c] = X[c].astype("category")
        return xgb.DMatrix(X, label=y, enable_categorical=True)

    def fit(self, train, valid):
        dtr = self._matrix(train, np.log1p(train["sale_price_eur"]))
        dva = self._matrix(valid, np.log1p(valid["sale_price_eur"]))
        self.booster = xgb.train(
            self.params, dtr, num_boost_round=self.rounds,
            evals=[(dtr, "train"), (dva, "valid")],
            early_stopping_rounds=100, verbose_eval=250,
        )
        return self

    def predict(self, df):
        d = self._matrix(df)
        return np.expm1(self.booster.predict(d, iteration_range=(0, self.booster.best_iteration + 1)))


sales = pd.read_csv(SRC, parse_dates=["intake_date", "sold_date"])
sales = sales[sales["sale_price_eur"].between(10, 50000)].copy()
sales["melt_value_eur"] = sales["weight_g"] * sales["karat"] / 24 * sales["gold_spot_intake_eur_g"]
sales["item_age_years"] = sales["item_age_years"].clip(upper=150)
print(sales.shape)

dev, test = train_test_split(sales, test_size=0.2, random_state=31)
train, valid = train_test_split(dev, test_size=0.15, random_state=32)

params = {
    "objective": "reg:squarederror", "eta": 0.03, "max_depth": 6,
    "subsample": 0.8, "colsample_bytree": 0.8, "min_child_weight": 5,
    "tree_method": "hist",
}
model = PriceModel(params).fit(train, valid)

pred = model.predict(test)
mae = mean_absolute_error(test["sale_price_eur"], pred)
mape = mean_absolute_percentage_error(test["sale_price_eur"], pred)
print(f"test MAE {mae:,.0f} EUR   MAPE {mape:.1%}")

ratio = pred / test["sale_price_eur"]
by_type = test.assign(ratio=ratio).groupby("item_type")["ratio"].median().sort_values()
print(by_type.round(3))

gain = pd.Series(model.booster.get_score(importance_type="gain")).sort_values()
gain.tail(12).plot.barh(figsize=(6, 4))
plt.tight_layout()
plt.savefig("jewelry_gain.png", dpi=110)
