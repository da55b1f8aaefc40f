# label: leakage/none
# Weekly draw-game ticket sales per licensed retailer.
# Negative-binomial GLM used by the field-sales team to set weekly
# ticket-roll allocations for each terminal.
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

sales = pd.read_csv("exports/retailer_weekly_sales.csv", parse_dates=["week_start"])
retailers = pd.read_csv("exports/retailer_master.csv")
draws = pd.read_csv("exports/draw_calendar.csv", parse_dates=["week_start"])

df = (
    sales.merge(retailers[["retailer_id", "channel", "region", "urban"]], on="retailer_id", how="left")
    .merge(draws[["week_start", "advertised_jackpot_m", "rollover_count", "bank_holiday"]],
           on="week_start", how="left")
    .sort_values(["retailer_id", "week_start"])
    .reset_index(drop=True)
)

# trailing sales history per terminal
g = df.groupby("retailer_id")["tickets_sold"]
df["lag_1"] = g.shift(1)
df["lag_2"] = g.shift(2)
df["lag_52"] = g.shift(52)
df["roll4_mean"] = g.transform(lambda s: s.shift(1).rolling(4, min_periods=4).mean())
df["log_jackpot"] = np.log1p(df["advertised_jackpot_m"])
df["week_of_year"] = df["week_start"].dt.isocalendar().week.astype(int)
df["q4"] = (df["week_start"].dt.quarter == 4).astype(int)
df = df.dropna(subset=["lag_1", "lag_2", "lag_52", "roll4_mean"])

for c in ["lag_1", "lag_2", "lag_52", "roll4_mean"]:
    df[f"log_{c}"] = np.log1p(df[c])

cutoff = df["week_start"].max() - pd.Timedelta(weeks=26)
train, test = df[df["week_start"] <= cutoff], df[df["week_start"] > cutoff]
print(f"train rows {len(train):,}  test rows {len(test):,}")

formula = (
    "tickets_sold ~ log_lag_1 + log_lag_2 + log_lag_52 + log_roll4_mean"
    " + log_jackpot + rollover_count + bank_holiday + q4"
    " + C(channel) + C(region) + urban"
)

# rough dispersion estimate from a Poisson fit
pois = smf.glm(formula, data=train, family=sm.families.Poisson()).fit()
alpha = max((pois.resid_pearson ** 2).sum() / pois.df_resid - 1, 1e-3) / train["tickets_sold"].mean()
print(f"dispersion alpha ~ {alpha:.4f}")

nb = smf.glm(formula, data=train, family=sm.families.NegativeBinomial(alpha=alpha)).fit()
print(nb.summary().tables[1])

test = test.assign(pred=nb.predict(test))
mae = np.mean(np.abs(test["tickets_sold"] - test["pred"]))
wape = np.abs(test["tickets_sold"] - test["pred"]).sum() / test["tickets_sold"].sum()
naive_wape = np.abs(test["tickets_sold"] - test["lag_1"]).sum() / test["tickets_sold"].sum()
print(f"MAE  {mae:,.1f} tickets")
print(f"WAPE {wape:.3%}   (last-week naive: {naive_wape:.3%})")

by_channel = test.groupby("channel").apply(
    lambda d: np.abs(d["tickets_sold"] - d["pred"]).sum() / d["tickets_sold"].sum()
)
print("WAPE by channel:")
print(by_channel.round(4).to_string())
