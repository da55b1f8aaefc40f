# label: leakage/none
# Experience-day gift vouchers (12-month validity): which vouchers will expire
# without ever being booked? Used to forecast breakage revenue per quarter and
# to plan venue capacity. Logistic regression so finance can read the effects.
# CRM note: a reminder email goes out every 8 weeks until the voucher is booked.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

TRAIN_END = pd.Timestamp("2022-01-01")
TEST_START = pd.Timestamp("2023-01-01")

FORMULA = (
    "expired_unused ~ C(experience_type) + C(voucher_format) + C(buyer_channel)"
    " + C(occasion) + weekday_only + personal_message + np.log1p(price_paid)"
    " + np.log1p(km_to_nearest_venue) + buyer_prior_purchases + C(purchase_quarter)"
)


def load_vouchers(path="finance/vouchers_2020_2023.csv"):
    v = pd.read_csv(path, parse_dates=["purchased_at", "expires_at", "redeemed_at"])
    v = v[v["expires_at"] < pd.Timestamp("2024-07-01")]
    v = v[v["voucher_type"] == "single_experience"].copy()
    v["expired_unused"] = v["redeemed_at"].isna().astype(int)
    v["purchase_quarter"] = v["purchased_at"].dt.quarter
    v["weekday_only"] = (v["validity"] == "weekday").astype(int)
    v["personal_message"] = v["message_text"].notna().astype(int)
    v["occasion"] = v["occasion"].fillna("unspecified")
    v["km_to_nearest_venue"] = v["km_to_nearest_venue"].clip(upper=400)
    return v


def report(name, y, p):
    print(f"{name:6s} n={len(y):6d}  AUC={roc_auc_score(y, p):.3f}  "
          f"Brier={brier_score_loss(y, p):.4f}  mean pred={p.mean():.3f}  actual={y.mean():.3f}")


vouchers = load_vouchers()
train = vouchers[vouchers["purchased_at"] < TRAIN_END]
test = vouchers[vouchers["purchased_at"] >= TEST_START]
print(train.groupby("experience_type")["expired_unused"].agg(["mean", "size"]).round(3))

fit = smf.logit(FORMULA, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

report("train", train["expired_unused"].to_numpy(), fit.predict(train).to_numpy())
p_test = fit.predict(test).to_numpy()
report("test", test["expired_unused"].to_numpy(), p_test)

# breakage forecast vs actual by purchase quarter
q = test.assign(pred=p_test).groupby(test["purchased_at"].dt.to_period("Q"))
breakage = pd.DataFrame({
    "forecast_value": q.apply(lambda d: (d["pred"] * d["price_paid"]).sum()),
    "actual_value": q.apply(lambda d: (d["expired_unused"] * d["price_paid"]).sum()),
})
breakage["pct_error"] = (breakage["forecast_value"] / breakage["actual_value"] - 1).round(3)
print(breakage.round(0))

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.sort_values().round(2).to_string())
