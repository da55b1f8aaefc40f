# label: leakage/target
"""Monthly moose-vehicle collision counts per highway segment.

Segment attributes come from the road inventory, traffic from the permanent
counters (previous year), collision counts from police-reported crashes
involving moose, and carcass removals from the maintenance contractor log.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf


def load_panel():
    segments = pd.read_csv("data/highway_segments.csv")
    monthly = pd.read_csv("data/segment_month_panel.csv", parse_dates=["month"])
    panel = monthly.merge(segments, on="segment_id", how="inner", validate="many_to_one")
    panel["year"] = panel["month"].dt.year
    panel["mon"] = panel["month"].dt.month
    panel["log_len_km"] = np.log(panel["length_km"])
    panel["log_aadt"] = np.log(panel["aadt_prev_year"].clip(lower=50))
    panel["fenced"] = (panel["fence_km"] / panel["length_km"] >= 0.5).astype(int)
    return panel.dropna(subset=["collisions", "aadt_prev_year", "forest_pct", "wetland_pct"])


FORMULA = (
    "collisions ~ log_aadt + speed_limit_kmh + forest_pct + wetland_pct"
    " + fenced + warning_signs + C(mon) + C(snow_zone) + night_hours"
    " + carcass_removals"
)


def evaluate(result, test):
    mu = result.predict(test, offset=test["log_len_km"])
    obs = test["collisions"]
    mae = np.mean(np.abs(obs - mu))
    pois_dev = 2 * np.sum(np.where(obs > 0, obs * np.log(obs / mu), 0) - (obs - mu))
    null_mu = np.full(len(obs), obs.mean())
    null_dev = 2 * np.sum(np.where(obs > 0, obs * np.log(obs / null_mu), 0) - (obs - null_mu))
    print(f"test MAE per segment-month: {mae:.3f}")
    print(f"test deviance explained: {1 - pois_dev / null_dev:.3f}")
    return mu


def main():
    panel = load_panel()
    train = panel[panel["year"] <= 2021]
    test = panel[panel["year"].between(2022, 2023)]
    print(f"train rows {len(train)}, test rows {len(test)}, segments {panel['segment_id'].nunique()}")

    model = smf.glm(
        FORMULA, data=train, family=sm.families.Poisson(), offset=train["log_len_km"]
    )
    result = model.fit(cov_type="cluster", cov_kwds={"groups": train["segment_id"]})
    print(result.summary().tables[1])

    dispersion = result.pearson_chi2 / result.df_resid
    print(f"Pearson dispersion: {dispersion:.2f}")

    mu = evaluate(result, test)
    hot = (test.assign(expected=mu)
           .groupby(["segment_id", "route"], as_index=False)[["collisions", "expected"]].sum()
           .sort_values("expected", ascending=False))
    print(hot.head(15).round(1).to_string(index=False))


if __name__ == "__main__":
    main()
