# label: leakage/none
"""Who is likely to be smoking again at the 12-week follow-up?

Clients of the stop-smoking helpline, one row per quit attempt that set a quit
date.  The model is meant to run at the end of the first week so advisers can
add extra call slots for high-risk clients.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

FORMULA = (
    "relapsed_12wk ~ cigs_per_day + fagerstrom + age + I(age ** 2) + C(sex)"
    " + C(nrt_product, Treatment('none')) + partner_smokes + prior_quit_attempts"
    " + imd_quintile + calls_completed_wk1"
)


def load_attempts(path):
    df = pd.read_csv(path, parse_dates=["quit_date"])
    df = df[df["quit_date_set"] == 1]
    df = df.sort_values("quit_date").drop_duplicates("client_id", keep="first")
    # unreachable at follow-up is counted as smoking (Russell standard)
    df["relapsed_12wk"] = df["co_verified_abstinent_12wk"].ne(1).astype(int)
    df["nrt_product"] = df["nrt_product"].fillna("none")
    df["prior_quit_attempts"] = df["prior_quit_attempts"].clip(upper=10)
    return df


def decile_table(y, p):
    tab = pd.DataFrame({"y": y, "p": p})
    tab["decile"] = pd.qcut(tab["p"], 10, labels=False, duplicates="drop") + 1
    return tab.groupby("decile").agg(predicted=("p", "mean"), observed=("y", "mean"),
                                     n=("y", "size"))


def main():
    df = load_attempts("helpline/quit_attempts_2019_2024.csv")
    df = df.dropna(subset=["cigs_per_day", "fagerstrom", "age", "imd_quintile"])
    # 12-week follow-up window between the two periods
    train = df[df["quit_date"] < "2023-04-01"]
    test = df[df["quit_date"] >= "2023-07-01"]
    print(f"train {len(train)} attempts, test {len(test)} attempts")
    print(f"relapse rate train {train['relapsed_12wk'].mean():.1%}, "
          f"test {test['relapsed_12wk'].mean():.1%}")

    fit = smf.logit(FORMULA, data=train).fit(disp=False, maxiter=200)
    print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

    odds = np.exp(fit.params).rename("odds_ratio")
    print(odds.round(2))

    p_test = fit.predict(test)
    y_test = test["relapsed_12wk"]
    print(f"\ntest ROC AUC: {roc_auc_score(y_test, p_test):.3f}")
    print(f"test Brier:   {brier_score_loss(y_test, p_test):.3f}")
    print(decile_table(y_test.to_numpy(), p_test.to_numpy()).round(3))

    flagged = p_test >= p_test.quantile(0.8)
    print(f"top-20% risk group relapse rate: {y_test[flagged].mean():.1%} "
          f"vs rest {y_test[~flagged].mean():.1%}")


if __name__ == "__main__":
    main()
