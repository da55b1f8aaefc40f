# label: leakage/none
"""Model long-distance coach ticket prices from route and booking details."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats

bookings = pd.read_csv("coach_bookings.csv", parse_dates=["booked_at", "departure_at"])
routes = pd.read_csv("coach_routes.csv")
competitors = pd.read_csv("competitor_fares_daily.csv", parse_dates=["scraped_on"])

df = bookings.merge(routes, on="route_id", how="left")
df["scraped_on"] = df["booked_at"].dt.normalize()
df = df.merge(competitors, on=["route_id", "scraped_on"], how="left")
df = df[(df["fare_eur"] > 0) & (df["channel"] != "staff")].copy()
df = df.dropna(subset=["distance_km", "competitor_fare_eur"])

df["lead_days"] = (df["departure_at"] - df["booked_at"]).dt.total_seconds() / 86400
df = df[df["lead_days"] >= 0].copy()
df["dep_hour"] = df["departure_at"].dt.hour
df["dep_weekday"] = df["departure_at"].dt.day_name()
df["night_service"] = df["dep_hour"].isin([22, 23, 0, 1, 2, 3, 4]).astype(int)
df["load_at_booking"] = 1 - df["seats_left_at_booking"] / df["bus_capacity"]
df["log_fare"] = np.log(df["fare_eur"])

train = df[df["departure_at"] < "2024-04-01"].copy()
test = df[df["departure_at"] >= "2024-04-01"].copy()
print(f"train bookings {len(train)}, test bookings {len(test)}")

# heavy right tails; Box-Cox each before the linear model
SKEWED = ["distance_km", "lead_days", "competitor_fare_eur", "route_pax_prev_year"]
lambdas = {}
for col in SKEWED:
    train[col + "_bc"], lambdas[col] = stats.boxcox(train[col] + 1.0)
    test[col + "_bc"] = stats.boxcox(test[col] + 1.0, lmbda=lambdas[col])
print({k: round(v, 3) for k, v in lambdas.items()})

formula = (
    "log_fare ~ distance_km_bc + lead_days_bc + I(lead_days_bc ** 2) + load_at_booking"
    " + competitor_fare_eur_bc + route_pax_prev_year_bc + night_service"
    " + C(dep_weekday) + C(operator) + C(channel)"
)
ols = smf.ols(formula, data=train).fit(cov_type="HC3")
print(ols.summary().tables[1])

test = test[test["operator"].isin(train["operator"].unique()) & test["channel"].isin(train["channel"].unique())]
resid_var = ols.mse_resid
pred_fare = np.exp(ols.predict(test) + resid_var / 2)
err = pred_fare - test["fare_eur"]
print(f"Test RMSE: {np.sqrt(np.mean(err ** 2)):.2f} EUR")
print(f"Test MAE:  {np.mean(np.abs(err)):.2f} EUR")
print(f"Test MAPE: {np.mean(np.abs(err) / test['fare_eur']):.2%}")
