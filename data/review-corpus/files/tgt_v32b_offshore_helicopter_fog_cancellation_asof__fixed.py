# label: leakage/none
"""Cancellation risk for scheduled offshore crew-change helicopter flights.

Flights come from the operator's schedule, weather from the heliport METAR
archive and the platform's helideck weather station. Model runs at
the go/no-go check at scheduled departure, with the latest observation per site.
"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

FLIGHTS = "ops/crew_change_flights.csv"
METAR = "wx/heliport_metar.csv"
DECK = "wx/helideck_station.csv"
CUTOFF = pd.Timestamp("2024-04-01")


def attach_weather(flights, obs, by, prefix, tolerance="3h"):
    obs = obs.sort_values("obs_time").rename(
        columns={c: f"{prefix}{c}" for c in obs.columns if c not in ("obs_time", by)}
    )
    return pd.merge_asof(
        flights.sort_values("sched_departure"),
        obs,
        left_on="sched_departure",
        right_on="obs_time",
        by=by,
        direction="backward",
        tolerance=pd.Timedelta(tolerance),
    ).drop(columns="obs_time")


flights = pd.read_csv(FLIGHTS, parse_dates=["sched_departure"])
metar = pd.read_csv(METAR, parse_dates=["obs_time"])
deck = pd.read_csv(DECK, parse_dates=["obs_time"])

metar = metar[["heliport", "obs_time", "visibility_m", "cloud_base_ft", "wind_kt",
               "gust_kt", "temp_c", "dewpoint_c", "qnh_hpa"]]
deck = deck[["platform_id", "obs_time", "visibility_m", "cloud_base_ft",
             "wind_kt", "heave_m", "pitch_deg", "roll_deg", "sea_temp_c"]]

df = attach_weather(flights, metar, by="heliport", prefix="base_")
df = attach_weather(df, deck, by="platform_id", prefix="deck_")

df["base_spread_c"] = df["base_temp_c"] - df["base_dewpoint_c"]
df["air_sea_diff_c"] = df["base_temp_c"] - df["deck_sea_temp_c"]
df["hour"] = df["sched_departure"].dt.hour
df["month"] = df["sched_departure"].dt.month
df["dark_departure"] = df["hour"].isin([0, 1, 2, 3, 4, 5, 6, 19, 20, 21, 22, 23]).astype(int)

features = [
    "base_visibility_m", "base_cloud_base_ft", "base_wind_kt", "base_gust_kt", "base_spread_c",
    "base_qnh_hpa", "deck_visibility_m", "deck_cloud_base_ft", "deck_wind_kt",
    "deck_heave_m", "deck_pitch_deg", "deck_roll_deg", "air_sea_diff_c", "sector_distance_nm",
    "pax_booked", "hour", "month", "dark_departure", "aircraft_type_code",
]
target = "cancelled_wx"

train = df[df["sched_departure"] < CUTOFF]
test = df[df["sched_departure"] >= CUTOFF]

clf = HistGradientBoostingClassifier(
    max_iter=400, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=0.5,
    categorical_features=[features.index("aircraft_type_code")], random_state=2,
)
clf.fit(train[features], train[target])

proba = clf.predict_proba(test[features])[:, 1]
print(f"flights: train {len(train)}, test {len(test)}, cancel rate {test[target].mean():.3f}")
print(f"ROC AUC {roc_auc_score(test[target], proba):.3f}")
print(f"PR AUC  {average_precision_score(test[target], proba):.3f}")

monthly = test.assign(p=proba).groupby("month")[[target, "p"]].mean().round(3)
print(monthly)
