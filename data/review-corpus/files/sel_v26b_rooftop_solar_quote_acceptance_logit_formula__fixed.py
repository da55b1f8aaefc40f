# label: leakage/none
"""Model whether a rooftop solar quote is signed within 30 days, comparing logit specifications."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import log_loss, roc_auc_score

quotes = pd.read_csv("solar_quotes_2021_2023.csv", parse_dates=["enquiry_on", "quoted_on", "signed_on"])
surveys = pd.read_csv("roof_surveys.csv", parse_dates=["surveyed_on"])

df = quotes.merge(
    surveys[["quote_id", "roof_pitch_deg", "shading_pct", "roof_material"]],
    on="quote_id", how="inner",
)
df = df[(df["system_kw"] > 1.5) & (df["system_kw"] < 25)]
df = df[df["quoted_price"] > 0].copy()

df["price_per_w"] = df["quoted_price"] / (df["system_kw"] * 1000)
df["days_to_quote"] = (df["quoted_on"] - df["enquiry_on"]).dt.days.clip(lower=0)
df["battery_offered"] = df["battery_kwh"].fillna(0).gt(0).astype(int)
df["lead_source"] = df["lead_source"].fillna("unknown").str.lower()
df["accepted"] = (
    (df["signed_on"] - df["quoted_on"]).dt.days.between(0, 30)
).astype(int)

# most recent fifth of quotes held out; the fifth before that is used to pick a spec
df = df.sort_values("quoted_on").reset_index(drop=True)
cut = int(len(df) * 0.8)
train, test = df.iloc[:cut], df.iloc[cut:]
# drop training quotes whose 30-day outcome window runs into the test period
train = train[train["quoted_on"] <= test["quoted_on"].min() - pd.Timedelta(days=30)]
test = test[test["lead_source"].isin(train["lead_source"].unique())]
vcut = int(len(train) * 0.75)
fit_part, val_part = train.iloc[:vcut], train.iloc[vcut:]
fit_part = fit_part[fit_part["quoted_on"] <= val_part["quoted_on"].min() - pd.Timedelta(days=30)]
val_part = val_part[val_part["lead_source"].isin(fit_part["lead_source"].unique())]
print(f"train {len(train)} quotes to {train['quoted_on'].max():%Y-%m-%d}, test {len(test)}")

base = "accepted ~ price_per_w + system_kw + C(lead_source)"
SPECS = {
    "base": base,
    "roof": base + " + roof_pitch_deg + shading_pct",
    "battery": base + " + battery_offered + battery_offered:price_per_w",
    "roof_battery": base + " + roof_pitch_deg + shading_pct + battery_offered"
                           " + battery_offered:price_per_w",
    "full": base + " + roof_pitch_deg + shading_pct + battery_offered"
                   " + battery_offered:price_per_w + np.log1p(days_to_quote)"
                   " + C(roof_material)",
}

rows = []
for name, formula in SPECS.items():
    fit = smf.logit(formula, data=fit_part).fit(disp=0, maxiter=200)
    p = fit.predict(val_part)
    rows.append({
        "spec": name,
        "n_params": len(fit.params),
        "aic": fit.aic,
        "auc": roc_auc_score(val_part["accepted"], p),
        "logloss": log_loss(val_part["accepted"], np.clip(p, 1e-6, 1 - 1e-6)),
    })

table = pd.DataFrame(rows).sort_values("auc", ascending=False)
print(table.to_string(index=False, float_format="%.4f"))

winner = table.iloc[0]
print(f"\nSelected specification: {winner['spec']} (validation AUC {winner['auc']:.3f})")
final = smf.logit(SPECS[winner["spec"]], data=train).fit(disp=0, maxiter=200)
p_test = final.predict(test)
print(f"Hold-out AUC {roc_auc_score(test['accepted'], p_test):.3f}, "
      f"log loss {log_loss(test['accepted'], np.clip(p_test, 1e-6, 1 - 1e-6)):.4f}")
print(final.summary().tables[1])
