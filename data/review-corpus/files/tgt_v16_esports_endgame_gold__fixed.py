# label: leakage/none
# twin: tgt_v16_esports_endgame_gold__leaky.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import accuracy_score, log_loss

MATCHES = "data/esports_match_timeline.csv"
SPLIT_DATE = "2024-06-01"
FORMULA = (
    "blue_win ~ gold_diff_15 + kill_diff_15 + dragons_diff_15 + towers_diff_15"
    " + elo_diff + first_blood_blue"
)


def load_matches(path):
    df = pd.read_csv(path, parse_dates=["match_start"])
    df = df[df["duration_min"] >= 15]
    df["blue_win"] = (df["winner_side"] == "blue").astype(int)
    return df.sort_values("match_start").reset_index(drop=True)


def fit_logit(train):
    return smf.logit(FORMULA, data=train).fit(disp=False, maxiter=200)


def evaluate(result, test):
    p = result.predict(test).clip(1e-6, 1 - 1e-6)
    return {
        "log_loss": log_loss(test["blue_win"], p),
        "accuracy": accuracy_score(test["blue_win"], p >= 0.5),
        "calibration_gap": float(np.mean(p) - test["blue_win"].mean()),
    }


def main():
    df = load_matches(MATCHES)
    train = df[df["match_start"] < SPLIT_DATE]
    test = df[df["match_start"] >= SPLIT_DATE]
    print(f"{len(train)} train matches / {len(test)} test matches")

    result = fit_logit(train)
    print(result.summary2().tables[1][["Coef.", "P>|z|"]].round(4))
    for name, value in evaluate(result, test).items():
        print(f"test {name}: {value:.4f}")


if __name__ == "__main__":
    main()
