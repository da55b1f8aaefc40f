# label: leakage/preprocessing
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.feature_selection import SelectKBest, f_regression
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.metrics import mean_absolute_error, r2_score

# One row per soaring day at the club: morning sounding + model forecast
# columns, target = longest cross-country distance flown that day.
DAYS_FILE = "data/gliding_club_days.csv"
TARGET = "best_xc_km"
K = 15

gbr_kwargs = dict(n_estimators=400, learning_rate=0.03, max_depth=3, subsample=0.8, random_state=2)


def load_days(path):
    days = pd.read_csv(path, parse_dates=["date"])
    days = days[days["n_launches"] >= 3].copy()
    days["year"] = days["date"].dt.year
    days["doy"] = days["date"].dt.dayofyear
    levels = [850, 800, 750, 700, 650, 600]
    for lo, hi in zip(levels[:-1], levels[1:]):
        days[f"lapse_{lo}_{hi}"] = days[f"t_{lo}"] - days[f"t_{hi}"]
    days["thermal_index"] = days["t_surface_max_fcst"] - days["t_700"] - 9.8 * 3.0
    days["cloudbase_est_m"] = 125 * (days["t_surface_max_fcst"] - days["td_surface"])
    return days


def sounding_columns(days):
    skip = {TARGET, "date", "year", "n_launches", "pilot_count", "notes"}
    return [c for c in days.columns if c not in skip and days[c].dtype != object]


days = load_days(DAYS_FILE)
cols = sounding_columns(days)
days = days.dropna(subset=cols + [TARGET]).reset_index(drop=True)
X = days[cols]
y = days[TARGET]
print(f"{len(days)} days, {len(cols)} candidate columns")

selector = SelectKBest(score_func=f_regression, k=K)
X_sel = selector.fit_transform(X, y)
kept = np.array(cols)[selector.get_support()]
print("kept:", ", ".join(kept))

model = GradientBoostingRegressor(**gbr_kwargs)
cv = GroupKFold(n_splits=5)
pred = cross_val_predict(model, X_sel, y, cv=cv, groups=days["year"])

print(f"CV MAE: {mean_absolute_error(y, pred):.1f} km")
print(f"CV R2 : {r2_score(y, pred):.3f}")

resid = days.assign(pred=pred, err=pred - y)
print(resid.groupby("year")["err"].agg(["mean", lambda e: e.abs().mean()]).round(1))

fig, ax = plt.subplots(figsize=(5, 5))
ax.scatter(y, pred, s=10, alpha=0.6)
lim = [0, max(y.max(), pred.max()) * 1.05]
ax.plot(lim, lim, "k--", lw=1)
ax.set_xlabel("best XC flown (km)")
ax.set_ylabel("predicted (km)")
plt.tight_layout()
plt.savefig("glider_xc_cv.png", dpi=120)
