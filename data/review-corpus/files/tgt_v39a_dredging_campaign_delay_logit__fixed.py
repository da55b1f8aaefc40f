# label: leakage/none
"""Which maintenance-dredging campaigns finish more than 10% past the
contracted duration? Logistic regression on the port authority's campaign
register, used at tender stage to set contingency in the programme.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

REGISTER = "register/dredging_campaigns_2005_2024.xlsx"

FORMULA = (
    "late ~ np.log(planned_volume_m3) + C(sediment_class) + C(dredger_type)"
    " + design_depth_m + haul_distance_km + np.log1p(contractor_prev_campaigns)"
    " + winter_start + hazardous_spoil"
)


def load_register(path):
    df = pd.read_excel(path, sheet_name="campaigns", parse_dates=["start_date", "contract_end"])
    df = df.dropna(subset=["actual_end", "planned_volume_m3", "sediment_class", "dredger_type"])
    df["actual_end"] = pd.to_datetime(df["actual_end"])
    planned = (df["contract_end"] - df["start_date"]).dt.days
    actual = (df["actual_end"] - df["start_date"]).dt.days
    df["late"] = (actual > 1.10 * planned).astype(int)
    df["winter_start"] = df["start_date"].dt.month.isin([11, 12, 1, 2]).astype(int)
    df["hazardous_spoil"] = (df["spoil_category"] != "clean").astype(int)
    df["sediment_class"] = df["sediment_class"].str.lower().str.strip()
    df["dredger_type"] = df["dredger_type"].replace({"TSHD": "trailing", "CSD": "cutter",
                                                     "BHD": "backhoe", "GD": "grab"})
    return df


def report(fit, test):
    p = fit.predict(test)
    print(f"n test = {len(test)}, late share = {test['late'].mean():.2%}")
    print(f"ROC AUC = {roc_auc_score(test['late'], p):.3f}")
    print(f"Brier   = {brier_score_loss(test['late'], p):.4f}")
    bins = pd.qcut(p, 5, labels=False, duplicates="drop")
    calib = test.assign(p=p, bin=bins).groupby("bin").agg(
        n=("late", "size"), observed=("late", "mean"), predicted=("p", "mean"))
    print(calib.round(3).to_string())


def main():
    df = load_register(REGISTER)
    print(df.groupby("dredger_type")["late"].agg(["size", "mean"]).round(3))

    train, test = train_test_split(df, test_size=0.3, stratify=df["late"], random_state=5)
    fit = smf.logit(FORMULA, data=train).fit(disp=False, maxiter=200)
    print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

    odds = np.exp(fit.params).rename("odds_ratio")
    print(odds.round(3).to_string())
    report(fit, test)


if __name__ == "__main__":
    main()
