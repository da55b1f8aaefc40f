# label: leakage/none
# Alpine road service: at the 18:00 planning call, estimate for each pass whether it will
# be closed at 06:00 the next morning, to plan plough crews and diversion signage.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

status = pd.read_csv("roads/pass_status_0600.csv", parse_dates=["date"])        # pass_id, date, closed
forecast = pd.read_csv("roads/met_forecast_1500.csv", parse_dates=["issue_date"])
bulletins = pd.read_csv("roads/road_condition_bulletins.csv", parse_dates=["issued_at"])
passes = pd.read_csv("roads/passes.csv")                                         # pass_id, summit_m, avalanche_sector

status = status.sort_values(["pass_id", "date"])
status["closed_next_day"] = status.groupby("pass_id")["closed"].shift(-1)
status = status.dropna(subset=["closed_next_day"])
status["closed_next_day"] = status["closed_next_day"].astype(int)

df = (status.merge(forecast, left_on=["pass_id", "date"], right_on=["pass_id", "issue_date"], how="inner")
            .merge(passes, on="pass_id", how="left"))
df["planning_ts"] = df["date"] + pd.Timedelta(hours=18)

# attach the road-condition bulletin for that evening
bulletins = bulletins.sort_values("issued_at")
df = pd.merge_asof(
    df.sort_values("planning_ts"),
    bulletins[["pass_id", "issued_at", "surface_state", "chains_required", "ploughs_deployed"]],
    left_on="planning_ts", right_on="issued_at", by="pass_id",
    direction="backward", tolerance=pd.Timedelta(hours=24),
)
df["surface_state"] = df["surface_state"].fillna("unknown")
df["chains_required"] = df["chains_required"].fillna(0).astype(int)
df["ploughs_deployed"] = df["ploughs_deployed"].fillna(0)

df["new_snow_fc_cm"] = df["snow_fc_cm_24h"].clip(upper=150)
df["wind_gust_fc_kmh"] = df["gust_fc_kmh"]
df["freezing_level_gap_m"] = df["summit_m"] - df["freezing_level_fc_m"]
df["winter"] = df["date"].dt.month.isin([11, 12, 1, 2, 3, 4]).astype(int)

df["target_date"] = df["date"] + pd.Timedelta(days=1)

train = df[df["target_date"] < "2023-07-01"]
test = df[df["date"] >= "2023-07-01"]

formula = (
    "closed_next_day ~ new_snow_fc_cm + wind_gust_fc_kmh + freezing_level_gap_m"
    " + closed + chains_required + ploughs_deployed + C(surface_state)"
    " + avalanche_sector + winter + C(pass_id)"
)
fit = smf.logit(formula, data=train).fit(method="bfgs", maxiter=500, disp=False)
print(fit.summary2().tables[1].round(3))

p = fit.predict(test)
y = test["closed_next_day"]
print(f"winter 2023/24 pass-days: {len(test)}  closures: {int(y.sum())}")
print(f"AUC {roc_auc_score(y, p):.3f}   Brier {brier_score_loss(y, p):.4f}")
crew_call = (p >= 0.3).astype(int)
print(f"closures with crews pre-booked: {np.sum(crew_call & y) / y.sum():.1%}, "
      f"false call-outs: {np.sum(crew_call & (1 - y))}")
