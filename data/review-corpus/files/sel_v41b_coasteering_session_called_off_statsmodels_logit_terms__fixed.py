# label: leakage/none
# Coasteering centre: probability that the morning guided session is called off,
# from the 06:00 marine forecast. One go/no-go decision per operating day.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold

days = pd.read_csv("ops/coasteering_daily_decisions.csv", parse_dates=["date"])
days = days[days["season_open"] == 1].dropna(subset=["called_off"])
days["called_off"] = days["called_off"].astype(int)
days["month"] = days["date"].dt.month
days["onshore"] = days["wind_dir_deg"].between(180, 300).astype(int)
days["swell_energy"] = days["swell_m"] ** 2 * days["swell_period_s"]
days["spring_tide"] = (days["tidal_range_m"] > 4.5).astype(int)

train = days[days["date"].dt.year <= 2022].copy()
test = days[days["date"].dt.year == 2023].copy()
print(f"train days: {len(train)} ({train.called_off.mean():.1%} called off)")
print(f"test days:  {len(test)} ({test.called_off.mean():.1%} called off)")

candidate_formulas = {
    "swell_only": "called_off ~ swell_m + swell_period_s",
    "swell_wind": "called_off ~ swell_m + swell_period_s + wind_kt + onshore",
    "energy_wind": "called_off ~ swell_energy + wind_kt * onshore",
    "energy_wind_tide": "called_off ~ swell_energy + wind_kt * onshore + spring_tide",
    "full": "called_off ~ swell_energy + wind_kt * onshore + spring_tide + visibility_km + C(month)",
    "full_gusts": "called_off ~ swell_energy + wind_kt * onshore + gust_kt + spring_tide + visibility_km + C(month)",
}

skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=3)
scores = {}
for name, formula in candidate_formulas.items():
    fold_auc = []
    for tr_idx, va_idx in skf.split(train, train["called_off"]):
        tr, va = train.iloc[tr_idx], train.iloc[va_idx]
        res = smf.logit(formula, data=tr).fit(disp=0)
        fold_auc.append(roc_auc_score(va["called_off"], res.predict(va)))
    scores[name] = np.mean(fold_auc)
    print(f"{name:18s} AUC={scores[name]:.3f} (+/- {np.std(fold_auc):.3f})")

best_name = max(scores, key=scores.get)
print(f"\nselected terms: {best_name}")

final = smf.logit(candidate_formulas[best_name], data=train).fit(disp=0)
print(final.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

p_test = final.predict(test)
auc = roc_auc_score(test["called_off"], p_test)
brier = brier_score_loss(test["called_off"], p_test)
print(f"\n2023 season  AUC: {auc:.3f}  Brier: {brier:.4f}")

# How often would a 0.5 cut-off have matched the duty manager's call?
decision = (p_test >= 0.5).astype(int)
agreement = np.mean(decision.values == test["called_off"].values)
print(f"agreement with actual decision at 0.5: {agreement:.1%}")

by_month = test.assign(p=p_test).groupby("month")[["called_off", "p"]].mean().round(3)
print(by_month)
