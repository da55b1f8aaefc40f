# label: leakage/preprocessing
"""Model weekly varroa mite drop per hive with a Poisson GLM on colony and compressed weather covariates."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

counts = pd.read_csv("sticky_board_counts.csv", parse_dates=["week_start"])
hives = pd.read_csv("hive_register.csv")
weather = pd.read_csv("apiary_weather_weekly.csv", parse_dates=["week_start"])

df = (counts.merge(hives, on="hive_id", how="left")
            .merge(weather, on=["apiary_id", "week_start"], how="left"))
df = df[df["board_days"].between(5, 9)].dropna(subset=["mites_on_board"])
df = df.sort_values(["hive_id", "week_start"]).reset_index(drop=True)

df["brood_frames"] = df["brood_frames"].fillna(df.groupby("hive_id")["brood_frames"].ffill())
df["weeks_since_treatment"] = df["weeks_since_treatment"].clip(upper=52)
df["treated_recently"] = (df["weeks_since_treatment"] <= 4).astype(int)
df["queen_age_yr"] = df["queen_age_yr"].fillna(1)
df["doy_sin"] = np.sin(2 * np.pi * df["week_start"].dt.dayofyear / 365.25)
df["doy_cos"] = np.cos(2 * np.pi * df["week_start"].dt.dayofyear / 365.25)
df = df.dropna(subset=["brood_frames"])

weather_cols = ["tmax_c", "tmin_c", "rain_mm", "sunshine_h", "wind_ms",
                "humidity_pct", "forage_days", "frost_nights"]
df = df.dropna(subset=weather_cols).reset_index(drop=True)

# weather is strongly collinear; compress to three components
wx_scaler = StandardScaler()
wx_pca = PCA(n_components=3)
wx = wx_pca.fit_transform(wx_scaler.fit_transform(df[weather_cols]))
for i in range(3):
    df[f"wx_pc{i + 1}"] = wx[:, i]
print("weather variance explained:", wx_pca.explained_variance_ratio_.round(3))

last_season = df["week_start"].dt.year.max()
train = df[df["week_start"].dt.year < last_season]
test = df[df["week_start"].dt.year == last_season]

covariates = ["brood_frames", "colony_strength", "treated_recently", "weeks_since_treatment",
              "queen_age_yr", "doy_sin", "doy_cos", "wx_pc1", "wx_pc2", "wx_pc3"]


def design(frame):
    return sm.add_constant(frame[covariates].astype(float), has_constant="add")


glm = sm.GLM(train["mites_on_board"], design(train), family=sm.families.Poisson(),
             offset=np.log(train["board_days"]))
res = glm.fit(cov_type="HC0")
print(res.summary().tables[1])

mu = res.predict(design(test), offset=np.log(test["board_days"]))
obs = test["mites_on_board"].to_numpy()
dev = 2 * np.sum(np.where(obs > 0, obs * np.log(obs / mu), 0) - (obs - mu))
null_mu = np.full_like(mu, train["mites_on_board"].mean())
null_dev = 2 * np.sum(np.where(obs > 0, obs * np.log(obs / null_mu), 0) - (obs - null_mu))
print(f"test Poisson deviance: {dev:.1f} (null {null_dev:.1f}), pseudo-R2 {1 - dev / null_dev:.3f}")
print(f"test MAE (mites/board): {np.mean(np.abs(obs - mu)):.2f}")
