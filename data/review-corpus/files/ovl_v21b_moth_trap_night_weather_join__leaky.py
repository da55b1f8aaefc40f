# label: leakage/overlap
"""Will tonight's light trap record a nationally scarce macro-moth?

Trap-night records from the county recording scheme, joined with daily weather
summaries from the regional station network.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve
from sklearn.model_selection import train_test_split

TRAP_NIGHTS = "data/moth_trap_nights.csv"
WEATHER = "data/weather_stations_daily.csv"
SITES = "data/trap_sites.csv"

WEATHER_COLS = ["night_min_temp_c", "dusk_temp_c", "wind_ms", "cloud_okta", "rain_mm", "humidity_pct"]
SITE_COLS = ["woodland_pct_1km", "wetland_pct_1km", "altitude_m", "coast_km", "light_pollution_idx"]
LAMP_TYPES = ["MV", "actinic", "LED", "blacklight"]


def lunar_illumination(dates):
    ref = pd.Timestamp("2000-01-06")
    phase = ((dates - ref).dt.days % 29.530588853) / 29.530588853
    return 0.5 * (1 - np.cos(2 * np.pi * phase))


def assemble():
    nights = pd.read_csv(TRAP_NIGHTS, parse_dates=["date"])
    sites = pd.read_csv(SITES)
    weather = pd.read_csv(WEATHER, parse_dates=["date"])

    nights = nights.merge(sites, on="site_id", how="left", validate="many_to_one")
    weather = weather.drop(columns=["station_id", "station_name"])
    df = nights.merge(weather, on="date", how="inner")

    df["scarce_caught"] = (df["n_scarce_species"] > 0).astype(int)
    df["moon"] = lunar_illumination(df["date"])
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    lamp = pd.Categorical(df["lamp_type"], categories=LAMP_TYPES)
    df = pd.concat([df, pd.get_dummies(lamp, prefix="lamp", dtype=int).set_index(df.index)], axis=1)
    return df


df = assemble()
features = WEATHER_COLS + SITE_COLS + ["moon", "doy_sin", "doy_cos", "trap_hours"] + [f"lamp_{t}" for t in LAMP_TYPES]
df = df.dropna(subset=features)
print(f"{len(df)} rows, positive rate {df['scarce_caught'].mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    df[features], df["scarce_caught"], test_size=0.25, stratify=df["scarce_caught"], random_state=8
)

forest = RandomForestClassifier(
    n_estimators=600, min_samples_leaf=5, max_features="sqrt",
    class_weight="balanced_subsample", n_jobs=-1, random_state=8,
)
forest.fit(X_train, y_train)
proba = forest.predict_proba(X_test)[:, 1]

print(f"ROC AUC:           {roc_auc_score(y_test, proba):.3f}")
print(f"average precision: {average_precision_score(y_test, proba):.3f}  (base rate {y_test.mean():.3f})")

importances = pd.Series(forest.feature_importances_, index=features).sort_values()
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
importances.tail(12).plot.barh(ax=axes[0], color="#5b6d3a")
axes[0].set_title("impurity importance")
prec, rec, _ = precision_recall_curve(y_test, proba)
axes[1].plot(rec, prec)
axes[1].set_xlabel("recall")
axes[1].set_ylabel("precision")
axes[1].set_title("scarce species, test nights")
fig.tight_layout()
fig.savefig("moth_scarce_rf.png", dpi=120)
