# label: leakage/selection
# End breaks per shift on the worsted ring-spinning floor.
# Count models with spindle-hours as exposure; the chosen model feeds the
# weekly piecer staffing sheet.
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

shifts = pd.read_parquet("warehouse/spinning_shift_summary.parquet")
shifts = shifts[shifts["spindle_hours"] > 0].copy()
shifts["shift_date"] = pd.to_datetime(shifts["shift_date"])
shifts["log_exposure"] = np.log(shifts["spindle_hours"])
shifts["rh_dev"] = shifts["room_humidity_pct"] - 62.0
shifts["twist_k"] = shifts["twist_tpm"] / 100.0
shifts["night"] = (shifts["shift_code"] == "N").astype(int)
shifts = shifts.sort_values("shift_date").reset_index(drop=True)

cutoff = shifts["shift_date"].quantile(0.8)
train = shifts[shifts["shift_date"] <= cutoff]
test = shifts[shifts["shift_date"] > cutoff]
print(f"train shifts: {len(train)}, evaluation shifts: {len(test)}")

base_terms = "rh_dev + I(rh_dev**2) + twist_k + yarn_count_nm + spindle_speed_krpm + night + C(frame_model)"
candidates = {
    "poisson": (base_terms, sm.families.Poisson()),
    "poisson_fibre": (base_terms + " + C(fibre_blend)", sm.families.Poisson()),
    "negbin_a05": (base_terms, sm.families.NegativeBinomial(alpha=0.5)),
    "negbin_a10": (base_terms, sm.families.NegativeBinomial(alpha=1.0)),
    "negbin_fibre": (base_terms + " + C(fibre_blend)", sm.families.NegativeBinomial(alpha=0.5)),
}


def fit_count_model(formula, family, data):
    return smf.glm(f"end_breaks ~ {formula}", data=data, family=family,
                   offset=data["log_exposure"]).fit()


def score(result, data):
    mu = result.predict(data, offset=data["log_exposure"])
    y = data["end_breaks"].to_numpy()
    mae = np.mean(np.abs(y - mu))
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(y > 0, y * np.log(y / mu), 0.0)
    deviance = 2 * np.mean(term - (y - mu))
    return mae, deviance


results = {}
for name, (formula, family) in candidates.items():
    res = fit_count_model(formula, family, train)
    mae, dev = score(res, test)
    results[name] = {"aic": res.aic, "mae": mae, "poisson_deviance": dev, "model": res}
    print(f"{name:<14} AIC={res.aic:10.1f}  MAE={mae:6.2f}  dev={dev:6.3f}")

best_name = min(results, key=lambda k: results[k]["poisson_deviance"])
best = results[best_name]
print(f"\nselected: {best_name}")
print(best["model"].summary().tables[1])
print(f"breaks per shift MAE: {best['mae']:.2f}")
print(f"mean Poisson deviance: {best['poisson_deviance']:.3f}")

by_frame = test.assign(pred=best["model"].predict(test, offset=test["log_exposure"]))
print(by_frame.groupby("frame_model")[["end_breaks", "pred"]].mean().round(1))
