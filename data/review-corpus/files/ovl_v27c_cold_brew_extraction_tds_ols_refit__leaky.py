# label: leakage/overlap
"""Predict total dissolved solids (TDS %) of cold brew batches from recipe and steeping conditions."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

batches = pd.read_csv("cold_brew_batches.csv", parse_dates=["brew_start"])
beans = pd.read_csv("green_bean_lots.csv")
grinder = pd.read_csv("grinder_calibration.csv")

df = batches.merge(beans[["lot_id", "origin", "process", "roast_level", "days_off_roast_at_receipt"]],
                   on="lot_id", how="left")
df = df.merge(grinder[["grinder_id", "setting", "median_particle_um"]],
              left_on=["grinder_id", "grind_setting"], right_on=["grinder_id", "setting"], how="left")

df = df[(df["tds_pct"] > 0.5) & (df["tds_pct"] < 4.0)]
df = df.dropna(subset=["tds_pct", "steep_hours", "coffee_g", "water_g", "median_particle_um"])

df["brew_ratio"] = df["water_g"] / df["coffee_g"]
df["log_steep"] = np.log(df["steep_hours"])
df["particle_mm"] = df["median_particle_um"] / 1000
df["bean_age_days"] = df["days_off_roast_at_receipt"] + (df["brew_start"] - pd.to_datetime(df["received_on"])).dt.days
df["cold_room"] = (df["steep_temp_c"] < 8).astype(int)

formula = ("tds_pct ~ brew_ratio + log_steep + particle_mm + steep_temp_c + cold_room"
           " + bean_age_days + C(roast_level) + C(process) + agitated")

# batches from the newest tank are held out
test_mask = df["brew_start"] >= df["brew_start"].quantile(0.8)
train = df[~test_mask]
test = df[test_mask]
print(f"train batches: {len(train)}  test batches: {len(test)}")

model = smf.ols(formula, data=train).fit(cov_type="HC3")
print(model.summary().tables[1])

final = smf.ols(formula, data=pd.concat([train, test])).fit(cov_type="HC3")

pred = final.predict(test)
resid = test["tds_pct"] - pred
rmse = float(np.sqrt(np.mean(resid ** 2)))
mae = float(np.mean(np.abs(resid)))
r2 = 1 - np.sum(resid ** 2) / np.sum((test["tds_pct"] - test["tds_pct"].mean()) ** 2)
within = float(np.mean(np.abs(resid) <= 0.1))

print(f"\nheld-out RMSE: {rmse:.3f} TDS points")
print(f"held-out MAE:  {mae:.3f}")
print(f"held-out R2:   {r2:.3f}")
print(f"share of batches within +/-0.1 TDS: {within:.1%}")

# how much stronger is a 12:1 recipe vs 15:1 at 18 h, all else at the median batch
ref = train.median(numeric_only=True).to_frame().T
ref["roast_level"] = "medium"
ref["process"] = "washed"
ref["log_steep"] = np.log(18)
strong, weak = ref.assign(brew_ratio=12.0), ref.assign(brew_ratio=15.0)
print(f"12:1 vs 15:1 difference: {(final.predict(strong) - final.predict(weak)).iloc[0]:+.3f} TDS")
