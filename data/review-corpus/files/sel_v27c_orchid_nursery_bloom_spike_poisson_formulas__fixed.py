# label: leakage/none
"""Model the number of flower spikes per Phalaenopsis pot from greenhouse climate and feeding records."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

pots = pd.read_csv("orchid_pots.csv", parse_dates=["potted_on", "spike_count_date"])
climate = pd.read_csv("house_climate_weekly.csv")
feeding = pd.read_csv("fertigation_log.csv")

# average cool-night treatment and feed per glasshouse compartment over each batch's induction weeks
climate_batch = (climate.groupby(["compartment", "batch_id"], as_index=False)
                 .agg(night_temp=("night_temp_c", "mean"), day_temp=("day_temp_c", "mean"),
                      dli=("daily_light_integral", "mean"), rh=("rel_humidity", "mean")))
feed_batch = (feeding.groupby("batch_id", as_index=False)
              .agg(ec=("ec_ms_cm", "mean"), n_ppm=("nitrogen_ppm", "mean"), k_ppm=("potassium_ppm", "mean")))

df = (pots.merge(climate_batch, on=["compartment", "batch_id"], how="left")
          .merge(feed_batch, on="batch_id", how="left"))
df = df.dropna(subset=["spike_count", "night_temp", "dli", "ec"])
df["age_weeks"] = (df["spike_count_date"] - df["potted_on"]).dt.days / 7
df["temp_drop"] = df["day_temp"] - df["night_temp"]
df["log_leaf_span"] = np.log(df["leaf_span_cm"].clip(lower=1))

# later batches are held out
batch_order = df.groupby("batch_id")["potted_on"].min().sort_values()
holdout_batches = set(batch_order.index[-int(len(batch_order) * 0.25):])
train = df[~df["batch_id"].isin(holdout_batches)]
test = df[df["batch_id"].isin(holdout_batches)]
print(f"train pots: {len(train)}  test pots: {len(test)}")

formulas = {
    "climate": "spike_count ~ night_temp + temp_drop + dli",
    "climate_feed": "spike_count ~ night_temp + temp_drop + dli + ec + k_ppm",
    "climate_feed_plant": "spike_count ~ night_temp + temp_drop + dli + ec + k_ppm + log_leaf_span + age_weeks",
    "full_cultivar": "spike_count ~ night_temp + temp_drop + dli + ec + k_ppm + n_ppm + rh"
                     " + log_leaf_span + age_weeks + C(cultivar)",
    "interactions": "spike_count ~ night_temp * temp_drop + dli + ec * k_ppm + log_leaf_span + C(cultivar)",
}

fits = {}
scores = {}
for name, formula in formulas.items():
    res = smf.glm(formula, data=train, family=sm.families.Poisson()).fit()
    fits[name] = res
    scores[name] = res.aic
    print(f"{name:<20} aic={res.aic:9.1f}  bic={res.bic_llf:9.1f}")

best = min(scores, key=scores.get)
final = fits[best]
print(f"\nselected specification: {best}")
print(final.summary().tables[1])

pred = final.predict(test)
print(f"held-out batches MAE: {np.mean(np.abs(test['spike_count'] - pred)):.3f} spikes per pot")
print(f"pearson dispersion:   {final.pearson_chi2 / final.df_resid:.2f}")
