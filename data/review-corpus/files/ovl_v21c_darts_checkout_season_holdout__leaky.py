# label: leakage/overlap
# Checkout model for the broadcast graphics: probability that the player on the oche
# finishes the leg with the darts left in this visit. One row per visit that starts
# on a finish (170 or less), built from the tour's dart-by-dart feed.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, brier_score_loss

SETTINGS = {
    "visits": "data/tour_visits_on_finish.parquet",
    "rankings": "data/order_of_merit_weekly.csv",
    "last_train_season": 2023,
    "formula": (
        "checked_out ~ bs(remaining, df=5) + C(darts_in_hand) + three_dart_only"
        " + np.log(merit_rank) + pre_event_avg3 + opp_remaining_le40"
        " + C(stage) + televised + leg_in_set"
    ),
}
NO_CHECKOUT = {169, 168, 166, 165, 163, 162, 159}
THREE_DART_ONLY = {99, 102, 103, 105, 106, 108, 109}


def load(settings):
    v = pd.read_parquet(settings["visits"])
    r = pd.read_csv(settings["rankings"], parse_dates=["week_start"])
    v["week_start"] = v["match_date"].dt.to_period("W-MON").dt.start_time
    v = v.merge(r[["player_id", "week_start", "merit_rank", "pre_event_avg3"]],
                on=["player_id", "week_start"], how="left")
    v = v[v["remaining"].between(2, 170) & ~v["remaining"].isin(NO_CHECKOUT)].copy()
    v["three_dart_only"] = ((v["remaining"] > 110) | v["remaining"].isin(THREE_DART_ONLY)).astype(int)
    v["opp_remaining_le40"] = (v["opp_remaining"] <= 40).astype(int)
    v["merit_rank"] = v["merit_rank"].fillna(200)
    return v.dropna(subset=["pre_event_avg3"])


def season_split(df, last_train_season):
    train = df[df["season"] <= last_train_season]
    test = df[df["season"] >= last_train_season]
    return train, test


def by_band(df, p):
    bands = pd.cut(df["remaining"], [1, 40, 60, 100, 130, 170])
    out = pd.DataFrame({"band": bands, "obs": df["checked_out"], "pred": p})
    return out.groupby("band", observed=True).agg(n=("obs", "size"), obs=("obs", "mean"), pred=("pred", "mean"))


visits = load(SETTINGS)
train, test = season_split(visits, SETTINGS["last_train_season"])
print(f"train visits {len(train):,}  test visits {len(test):,}")

fit = smf.logit(SETTINGS["formula"], data=train).fit(disp=False, maxiter=200)
print(fit.summary().tables[1])

p_test = fit.predict(test)
auc = roc_auc_score(test["checked_out"], p_test)
brier = brier_score_loss(test["checked_out"], p_test)
base = brier_score_loss(test["checked_out"], np.full(len(test), train["checked_out"].mean()))
print(f"held-out seasons: AUC {auc:.3f}  Brier {brier:.4f}  (constant {base:.4f})")

table = by_band(test, p_test)
print(table.round(3))

ax = table.plot(y=["obs", "pred"], kind="bar", figsize=(7, 3.5), rot=0)
ax.set_ylabel("checkout rate")
ax.set_xlabel("score remaining")
plt.tight_layout()
plt.savefig("checkout_by_band.png", dpi=110)
