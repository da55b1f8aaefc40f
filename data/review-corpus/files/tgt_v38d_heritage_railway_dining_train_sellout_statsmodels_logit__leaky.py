# label: leakage/target
# Sell-out model for the heritage railway's dining and special trains
# (Sunday lunch, afternoon tea, murder-mystery, Santa specials).
# Snapshot taken 21 days before each departure; outcome = every seat sold by departure.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

trains = pd.read_csv("data/dining_train_sales_snapshots.csv", parse_dates=["run_date"])
consists = pd.read_csv("data/carriage_consists.csv")

df = trains.merge(consists[["consist_id", "capacity", "service_type"]], on="consist_id", how="left")
df = df[df["run_date"] >= "2015-04-01"].sort_values("run_date").reset_index(drop=True)

df["sold_out"] = (df["tickets_sold_final"] >= df["capacity"]).astype(int)
df["fill_d21"] = df["tickets_sold_d21"] / df["capacity"]
df["log_capacity"] = np.log(df["capacity"])
df["weekend"] = df["run_date"].dt.dayofweek.isin([4, 5, 6]).astype(int)
df["season_month"] = df["run_date"].dt.month
df["is_december"] = (df["season_month"] == 12).astype(int)
df["price_band"] = pd.cut(df["adult_fare_gbp"], [0, 30, 50, 75, 1000],
                          labels=["<30", "30-50", "50-75", "75+"])
df["returns_waitlist"] = df["returns_waitlist_signups"].fillna(0)

# the last two operating seasons are scored
cutoff = pd.Timestamp("2022-04-01")
train = df[df["run_date"] < cutoff]
test = df[df["run_date"] >= cutoff]
print(f"train {len(train)} trains ({train['sold_out'].mean():.1%} sold out), "
      f"test {len(test)} ({test['sold_out'].mean():.1%})")

formula = (
    "sold_out ~ fill_d21 + log_capacity + weekend + is_december + C(price_band)"
    " + C(service_type) + steam_hauled + guest_loco + school_holiday"
    " + np.log1p(returns_waitlist)"
)
res = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(res.summary2().tables[1].round(3))

p = res.predict(test)
y = test["sold_out"]
print(f"\nROC-AUC : {roc_auc_score(y, p):.3f}")
print(f"Brier   : {brier_score_loss(y, p):.3f}")
print(f"baseline Brier (train rate): {brier_score_loss(y, np.full(len(y), train['sold_out'].mean())):.3f}")

calib = (
    pd.DataFrame({"p": p, "y": y})
    .assign(bin=lambda d: pd.qcut(d["p"], 5, duplicates="drop"))
    .groupby("bin", observed=True)
    .agg(n=("y", "size"), mean_pred=("p", "mean"), observed=("y", "mean"))
)
print(calib.round(3))

odds = np.exp(res.params).rename("odds_ratio")
print(odds.sort_values(ascending=False).round(2).to_string())
