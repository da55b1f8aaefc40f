# label: leakage/none
"""Morning risk list: which supermarket freezer cabinets get an icing / failed-defrost ticket in the next 24 h."""
from datetime import date, time

import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

SNAPSHOT_HOUR = time(6, 0)
CUTOFF = date(2024, 9, 1)
ICING_FAULTS = ["ice_buildup", "defrost_heater", "drain_blocked", "evap_fan"]


def load_sources():
    telemetry = pl.read_parquet("data/cabinet_telemetry_15min.parquet")   # cabinet_id, ts, air_c, evap_c, door_open_s, comp_duty
    alarms = pl.read_csv("data/bms_alarms.csv", try_parse_dates=True)     # cabinet_id, alarm_ts, alarm_code, severity
    tickets = pl.read_csv("data/maintenance_tickets.csv", try_parse_dates=True)  # cabinet_id, opened_at, fault_type
    cabinets = pl.read_csv("data/cabinets.csv")                           # cabinet_id, store_id, model, install_year, refrigerant
    return telemetry, alarms, tickets, cabinets


def rolling_telemetry(telemetry):
    return (
        telemetry.sort("ts")
        .rolling(index_column="ts", period="24h", group_by="cabinet_id")
        .agg(
            pl.col("air_c").mean().alias("air_mean_24h"),
            pl.col("air_c").max().alias("air_max_24h"),
            (pl.col("air_c") - pl.col("evap_c")).mean().alias("coil_delta_24h"),
            pl.col("door_open_s").sum().alias("door_open_s_24h"),
            pl.col("comp_duty").mean().alias("comp_duty_24h"),
        )
        .sort("ts")
    )


def build_snapshots(telemetry, alarms, tickets, cabinets):
    days = telemetry.select(pl.col("ts").dt.date().unique().alias("day"))
    snaps = (
        cabinets.select("cabinet_id").join(days, how="cross")
        .with_columns(pl.col("day").dt.combine(SNAPSHOT_HOUR).alias("snapshot_ts"))
        .sort("snapshot_ts")
    )
    feats = snaps.join_asof(rolling_telemetry(telemetry), left_on="snapshot_ts", right_on="ts",
                            by="cabinet_id", strategy="backward", tolerance="1h")

    alarms = alarms.sort("alarm_ts")
    feats = feats.join_asof(alarms, left_on="snapshot_ts", right_on="alarm_ts",
                            by="cabinet_id", strategy="backward")
    feats = feats.with_columns(
        ((pl.col("snapshot_ts") - pl.col("alarm_ts")).dt.total_minutes() / 60).alias("hours_from_alarm"),
        pl.col("alarm_code").fill_null(0),
        pl.col("severity").fill_null(0),
    )

    icing = tickets.filter(pl.col("fault_type").is_in(ICING_FAULTS)).sort("opened_at")
    feats = feats.join_asof(icing.select("cabinet_id", "opened_at"), left_on="snapshot_ts",
                            right_on="opened_at", by="cabinet_id", strategy="forward", tolerance="24h")
    feats = feats.with_columns(pl.col("opened_at").is_not_null().cast(pl.Int8).alias("icing_next_24h"))
    return feats.join(cabinets, on="cabinet_id", how="left")


FEATURES = ["air_mean_24h", "air_max_24h", "coil_delta_24h", "door_open_s_24h", "comp_duty_24h",
            "hours_from_alarm", "alarm_code", "severity", "install_year"]

telemetry, alarms, tickets, cabinets = load_sources()
table = build_snapshots(telemetry, alarms, tickets, cabinets).drop_nulls(subset=["air_mean_24h"])

train = table.filter(pl.col("day") < CUTOFF)
test = table.filter(pl.col("day") >= CUTOFF)
print(train.group_by("icing_next_24h").len(), test.height)

model = HistGradientBoostingClassifier(max_iter=500, learning_rate=0.05, max_leaf_nodes=31,
                                       class_weight="balanced", random_state=4)
model.fit(train.select(FEATURES).to_pandas(), train["icing_next_24h"].to_numpy())

score = model.predict_proba(test.select(FEATURES).to_pandas())[:, 1]
y_test = test["icing_next_24h"].to_numpy()
print(f"ROC AUC {roc_auc_score(y_test, score):.3f}  PR AUC {average_precision_score(y_test, score):.3f}")

ranked = test.with_columns(pl.Series("risk", score)).sort("risk", descending=True)
print(ranked.select("day", "cabinet_id", "store_id", "risk", "icing_next_24h").head(20))
