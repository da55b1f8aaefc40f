# label: leakage/target
"""Which communal boilers will break down this winter?

A housing association services the gas boilers of its apartment blocks every
autumn. The planner wants a ranked list in October so that spare parts and
standby heaters can be staged before the heating season (Nov-Mar).
"""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

WINTER_MONTHS = [11, 12, 1, 2, 3]


def winter_of(dates):
    # Nov/Dec belong to the winter that starts that year, Jan-Mar to the previous one
    return dates.dt.year.where(dates.dt.month >= 11, dates.dt.year - 1)


def callout_counts(callouts):
    c = callouts[callouts["date"].dt.month.isin(WINTER_MONTHS)].copy()
    c["winter"] = winter_of(c["date"])
    return c.groupby(["block_id", "winter"]).size().rename("callouts").reset_index()


def build_table(blocks, services, callouts, breakdowns):
    table = services.merge(blocks, on="block_id", how="left")
    table["winter"] = table["service_date"].dt.year
    table["boiler_age"] = table["winter"] - table["install_year"]

    counts = callout_counts(callouts)
    prev = counts.assign(winter=counts["winter"] + 1).rename(columns={"callouts": "callouts_prev_winter"})
    table = table.merge(prev, on=["block_id", "winter"], how="left")
    table = table.merge(counts.rename(columns={"callouts": "callouts_this_winter"}),
                        on=["block_id", "winter"], how="left")
    table[["callouts_prev_winter", "callouts_this_winter"]] = (
        table[["callouts_prev_winter", "callouts_this_winter"]].fillna(0)
    )

    bd = breakdowns.assign(winter=winter_of(breakdowns["reported_at"]))
    bd = bd[bd["reported_at"].dt.month.isin(WINTER_MONTHS)]
    flags = bd.groupby(["block_id", "winter"]).size().gt(0).astype(int).rename("breakdown")
    table = table.merge(flags.reset_index(), on=["block_id", "winter"], how="left")
    table["breakdown"] = table["breakdown"].fillna(0).astype(int)
    return table


FEATURES = [
    "boiler_age", "rated_kw", "flats_served", "storeys", "boiler_make",
    "flue_gas_co_ppm", "flue_gas_co2_pct", "heat_exchanger_scale_grade",
    "pump_hours_k", "expansion_vessel_bar", "parts_replaced_at_service",
    "callouts_prev_winter", "callouts_this_winter",
]

blocks = pd.read_csv("data/blocks.csv")
services = pd.read_csv("data/autumn_services.csv", parse_dates=["service_date"])
callouts = pd.read_csv("data/engineer_callouts.csv", parse_dates=["date"])
breakdowns = pd.read_csv("data/heating_breakdowns.csv", parse_dates=["reported_at"])

table = build_table(blocks, services, callouts, breakdowns)
table["boiler_make"] = table["boiler_make"].astype("category")

last = table["winter"].max()
train = table[table["winter"] < last]
test = table[table["winter"] == last]

model = lgb.LGBMClassifier(
    n_estimators=300, learning_rate=0.04, num_leaves=15, min_child_samples=25,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=2, verbose=-1,
)
model.fit(train[FEATURES], train["breakdown"])

p = model.predict_proba(test[FEATURES])[:, 1]
print(f"winter {last}: {test['breakdown'].sum()} breakdowns in {len(test)} blocks")
print(f"ROC AUC {roc_auc_score(test['breakdown'], p):.3f}  PR AUC {average_precision_score(test['breakdown'], p):.3f}")

ranked = test.assign(score=p).sort_values("score", ascending=False)
top = ranked.head(max(1, len(ranked) // 10))
print(f"breakdowns caught in top decile: {top['breakdown'].sum()} / {test['breakdown'].sum()}")
print(ranked[["block_id", "boiler_make", "boiler_age", "score", "breakdown"]].head(15).to_string(index=False))
