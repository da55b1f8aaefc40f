# label: leakage/target
# Sunday car boot sales: how many seller pitches will be sold at each field?
# Forecast is made on the Thursday before, from the weather outlook and recent turnout,
# so the organisers can book stewards and decide on opening the overflow field.
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

sales = pd.read_csv("boot_sale_register.csv", parse_dates=["sale_date"])
outlook = pd.read_csv("thursday_outlook.csv", parse_dates=["sale_date"])

df = (
    sales.merge(outlook, on=["venue", "sale_date"], how="left")
    .sort_values(["venue", "sale_date"])
    .reset_index(drop=True)
)
df["month"] = df["sale_date"].dt.month
df["bank_holiday_weekend"] = df["bank_holiday_weekend"].fillna(0).astype(int)
df = df.dropna(subset=["rain_prob", "max_temp_c"])

grp = df.groupby("venue")["pitches_sold"]
df["pitches_last_week"] = grp.shift(1)
df["pitches_4wk_mean"] = grp.transform(lambda s: s.rolling(4, min_periods=2).mean())
df["pitches_same_week_last_year"] = grp.shift(52)
df["weeks_since_season_start"] = df.groupby(["venue", df["sale_date"].dt.year]).cumcount()

df = df.dropna(subset=["pitches_last_week", "pitches_4wk_mean"])
df["log_last_week"] = np.log1p(df["pitches_last_week"])
df["log_4wk_mean"] = np.log1p(df["pitches_4wk_mean"])
df["has_last_year"] = df["pitches_same_week_last_year"].notna().astype(int)
df["log_last_year"] = np.log1p(df["pitches_same_week_last_year"].fillna(0))

train = df[df["sale_date"] < "2024-01-01"]
test = df[df["sale_date"] >= "2024-01-01"]
print(f"train weeks: {len(train)}, test weeks: {len(test)}")

formula = (
    "pitches_sold ~ C(venue) + C(month) + bank_holiday_weekend + rain_prob + max_temp_c"
    " + log_last_week + log_4wk_mean + has_last_year + log_last_year"
    " + weeks_since_season_start"
)
glm = smf.glm(formula, data=train, family=sm.families.NegativeBinomial(alpha=0.15)).fit()
print(glm.summary())

test = test.assign(pred=glm.predict(test))
mae = (test["pred"] - test["pitches_sold"]).abs().mean()
mape = ((test["pred"] - test["pitches_sold"]).abs() / test["pitches_sold"].clip(lower=1)).mean()
naive_mae = (test["pitches_last_week"] - test["pitches_sold"]).abs().mean()
print(f"MAE {mae:.1f} pitches | MAPE {mape:.1%} | last-week baseline MAE {naive_mae:.1f}")

# overflow field opens above 180 pitches
opened = test["pitches_sold"] > 180
flagged = test["pred"] > 180
print(f"overflow weeks caught: {(opened & flagged).sum()}/{opened.sum()}, false alarms: {(flagged & ~opened).sum()}")
print(test.groupby("venue")[["pitches_sold", "pred"]].mean().round(1))
