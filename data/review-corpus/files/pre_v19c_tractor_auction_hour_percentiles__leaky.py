# label: leakage/preprocessing
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, r2_score

LOTS = "data/farm_machinery_auction_lots.csv"
CATS = ["make", "model_family", "drive", "cab_type", "region", "auction_house"]
NUMS = ["age_years", "engine_hours", "horsepower", "tyre_wear_pct", "front_loader",
        "month_sold", "pto_speeds"]
RELATIVE = {"engine_hours": "model_family", "horsepower": None, "age_years": "make"}


def percentile_against(values, reference):
    ref = np.sort(np.asarray(reference, dtype=float))
    ref = ref[~np.isnan(ref)]
    if len(ref) == 0:
        return np.full(len(values), np.nan)
    return np.searchsorted(ref, np.asarray(values, dtype=float), side="right") / len(ref)


def add_relative_features(frame, reference):
    """Where a lot sits within comparable machines (e.g. hours vs same model family)."""
    frame = frame.copy()
    for col, by in RELATIVE.items():
        name = f"{col}_pct" if by is None else f"{col}_pct_in_{by}"
        if by is None:
            frame[name] = percentile_against(frame[col], reference[col])
            continue
        frame[name] = np.nan
        for key, idx in frame.groupby(by).groups.items():
            ref_vals = reference.loc[reference[by] == key, col]
            frame.loc[idx, name] = percentile_against(frame.loc[idx, col], ref_vals)
    return frame


lots = pd.read_csv(LOTS, parse_dates=["sale_date"])
lots = lots[(lots["hammer_price"] > 500) & lots["engine_hours"].between(0, 40000)]
lots["age_years"] = lots["sale_date"].dt.year - lots["year_built"]
lots["month_sold"] = lots["sale_date"].dt.month
lots["log_price"] = np.log(lots["hammer_price"])
for c in CATS:
    lots[c] = lots[c].fillna("unknown").astype("category")

lots = add_relative_features(lots, reference=lots)
train, test = train_test_split(lots, test_size=0.2, random_state=17)

REL_COLS = [c for c in train.columns if "_pct" in c]
FEATURES = CATS + NUMS + REL_COLS
print("features:", len(FEATURES), "| train lots:", len(train), "| test lots:", len(test))

reg = lgb.LGBMRegressor(n_estimators=1200, learning_rate=0.03, num_leaves=48,
                        min_child_samples=25, subsample=0.8, subsample_freq=1,
                        colsample_bytree=0.8, reg_lambda=1.0, verbose=-1)
reg.fit(train[FEATURES], train["log_price"], categorical_feature=CATS)

pred_price = np.exp(reg.predict(test[FEATURES]))
print(f"MAE  : {mean_absolute_error(test['hammer_price'], pred_price):,.0f}")
print(f"R2 log price: {r2_score(test['log_price'], np.log(pred_price)):.3f}")

bands = pd.cut(test["age_years"], [0, 5, 10, 20, 80])
report = (test.assign(ape=np.abs(pred_price - test["hammer_price"]) / test["hammer_price"])
          .groupby(bands, observed=True)["ape"].median())
print("median abs % error by age band:\n", report.round(3))
