# label: leakage/preprocessing
# Used campervan / motorhome asking-price model for the dealer part-exchange tool.
# Listings scraped weekly from the trade portal; one row per distinct advert.
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

CAT_COLS = ["base_vehicle", "converter", "layout", "gearbox", "region"]
NUM_COLS = ["age_years", "mileage_km", "berths", "length_m", "engine_l", "has_solar",
            "has_awning", "has_bike_rack", "service_history_stamps", "owners"]
GROUP_FEATURES = ["mileage_vs_base", "age_vs_base", "length_vs_layout", "base_listings"]

ads = pd.read_parquet("scrapes/campervan_adverts.parquet")
ads = ads[(ads["price_gbp"] > 2_000) & ads["mileage_km"].notna()]
ads = ads.sort_values("listed_on").drop_duplicates("vehicle_reg_hash", keep="last")
ads = ads[ads["vehicle_type"].isin(["campervan", "coachbuilt", "a-class", "panel van"])]
ads["age_years"] = (ads["listed_on"].dt.year - ads["first_registered"].dt.year).clip(lower=0)
for col in CAT_COLS:
    ads[col] = ads[col].fillna("unknown").str.lower().str.strip()


def add_group_features(df):
    base = df.groupby("base_vehicle")
    layout = df.groupby("layout")
    out = df.copy()
    out["mileage_vs_base"] = out["mileage_km"] / base["mileage_km"].transform("median")
    out["age_vs_base"] = out["age_years"] - base["age_years"].transform("mean")
    out["length_vs_layout"] = out["length_m"] - layout["length_m"].transform("median")
    out["base_listings"] = base["advert_id"].transform("count")
    return out


ads = add_group_features(ads)
train, test = train_test_split(ads, test_size=0.2, random_state=42)

X_train = train[CAT_COLS + NUM_COLS + GROUP_FEATURES].astype({c: "category" for c in CAT_COLS})
X_test = test[CAT_COLS + NUM_COLS + GROUP_FEATURES].astype(
    {c: pd.CategoricalDtype(X_train[c].cat.categories) for c in CAT_COLS}
)
y_train = np.log(train["price_gbp"])

model = lgb.LGBMRegressor(
    n_estimators=1500,
    learning_rate=0.02,
    num_leaves=48,
    min_child_samples=15,
    colsample_bytree=0.7,
    reg_lambda=1.0,
    random_state=0,
    verbose=-1,
)
model.fit(X_train, y_train)

pred_price = np.exp(model.predict(X_test))
mape = mean_absolute_percentage_error(test["price_gbp"], pred_price)
print(f"test MAPE {mape:.1%} over {len(test)} adverts")

importance = pd.Series(model.booster_.feature_importance("gain"), index=X_train.columns)
print(importance.sort_values(ascending=False).head(12).round(0))
