# label: leakage/none
# Predict hot-water extract (HWE, % dry basis) of malting barley lots from the
# intake analysis, to decide which lots go to the premium malt line.
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

lots = pd.read_csv("lab/intake_lots_2016_2023.csv", sep=";", decimal=",")
micro = pd.read_csv("lab/micromalting_results.csv", usecols=["lot_id", "extract_db"])
lots = lots.merge(micro, on="lot_id", how="inner")

lots = lots.dropna(subset=["extract_db", "protein_db", "moisture"])
lots = lots[(lots["germ_energy_4ml"] >= 85) & (lots["screenings_pct"] < 10)]
lots["harvest_year"] = lots["harvest_year"].astype(int)
lots["spring_type"] = (lots["sowing"] == "spring").astype(int)

train, test = train_test_split(lots, test_size=0.25, random_state=17)
train, test = train.copy(), test.copy()


def add_variety_terms(frame, ref):
    # varieties differ a lot in baseline protein and kernel size, so express each lot
    # relative to what is typical for its variety
    for col in ["protein_db", "tkw_g", "plump_pct"]:
        stats = ref.groupby("variety")[col].agg(["mean", "std"])
        mu = frame["variety"].map(stats["mean"]).fillna(ref[col].mean())
        sd = frame["variety"].map(stats["std"]).replace(0, np.nan)
        frame[f"{col}_vs_var"] = frame[col] - mu
        frame[f"{col}_var_z"] = (frame[f"{col}_vs_var"] / sd).fillna(0.0)
    var_protein = ref.groupby("variety")["protein_db"].mean()
    frame["variety_mean_protein"] = (
        frame["variety"].map(var_protein).fillna(ref["protein_db"].mean())
    )
    return frame


train = add_variety_terms(train, ref=train)
test = add_variety_terms(test, ref=train)

features = [
    "protein_db", "moisture", "tkw_g", "plump_pct", "screenings_pct",
    "germ_energy_4ml", "germ_energy_8ml", "water_sensitivity", "beta_glucan_est",
    "spring_type", "protein_db_vs_var", "tkw_g_vs_var", "plump_pct_vs_var",
    "protein_db_var_z", "tkw_g_var_z", "plump_pct_var_z", "variety_mean_protein",
]

gbr = GradientBoostingRegressor(
    loss="huber", n_estimators=600, learning_rate=0.03, max_depth=3,
    subsample=0.8, min_samples_leaf=15, random_state=17,
)
gbr.fit(train[features], train["extract_db"])
pred = gbr.predict(test[features])

print(f"test lots: {len(test)}")
print(f"MAE  {mean_absolute_error(test['extract_db'], pred):.3f} % extract")
print(f"R^2  {r2_score(test['extract_db'], pred):.3f}")

# premium line needs >= 81.5 % extract
hit = ((pred >= 81.5) == (test["extract_db"] >= 81.5)).mean()
print(f"agreement on premium / standard routing: {hit:.1%}")

imp = pd.Series(gbr.feature_importances_, index=features).sort_values(ascending=False)
print(imp.round(3).to_string())
