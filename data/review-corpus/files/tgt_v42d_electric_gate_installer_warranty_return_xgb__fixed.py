# label: leakage/none
"""Which new gate automation installs end up with a motor/board warranty return
inside 24 months. Scored at sign-off so the service team can book a 6-month
check for the riskiest sites.
"""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score, average_precision_score, brier_score_loss
from sklearn.model_selection import train_test_split

JOBS = "crm/gate_install_jobs.csv"
RETURNS = "crm/warranty_returns.csv"

FEATURES = [
    "gate_width_m",
    "gate_weight_kg",
    "leaf_count",
    "is_sliding",
    "slope_pct",
    "motor_duty_cycle_pct",
    "motor_rated_kg",
    "weight_to_rating",
    "coastal_site",
    "has_photocells",
    "has_loop_detector",
    "daily_cycles_est",
    "installer_years",
    "install_hours",
    "commercial_site",
    "install_month",
]


def build_dataset():
    jobs = pd.read_csv(JOBS, parse_dates=["signed_off_at"])
    returns = pd.read_csv(RETURNS, parse_dates=["return_logged_at"])

    returns = returns[returns["component"].isin(["motor", "control_board"])]
    first_return = returns.groupby("job_id")["return_logged_at"].min().rename("first_return_at")
    jobs = jobs.merge(first_return, on="job_id", how="left")

    days_to_return = (jobs["first_return_at"] - jobs["signed_off_at"]).dt.days
    jobs["returned_24m"] = days_to_return.le(730).astype(int)

    # only jobs whose 24-month window has closed
    extract_date = pd.Timestamp("2025-01-31")
    jobs = jobs[jobs["signed_off_at"] <= extract_date - pd.DateOffset(months=24)]

    jobs["is_sliding"] = (jobs["gate_type"] == "sliding").astype(int)
    jobs["weight_to_rating"] = jobs["gate_weight_kg"] / jobs["motor_rated_kg"]
    jobs["install_month"] = jobs["signed_off_at"].dt.month
    return jobs.dropna(subset=FEATURES)


def main():
    jobs = build_dataset()
    X, y = jobs[FEATURES], jobs["returned_24m"]
    print(f"{len(jobs)} installs, 24-month return rate {y.mean():.1%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=12
    )

    model = xgb.XGBClassifier(
        n_estimators=350,
        max_depth=3,
        learning_rate=0.05,
        subsample=0.9,
        colsample_bytree=0.8,
        reg_lambda=2.0,
        scale_pos_weight=(1 - y_train.mean()) / y_train.mean(),
        eval_metric="logloss",
        random_state=12,
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC  {average_precision_score(y_test, proba):.3f}")
    print(f"Brier   {brier_score_loss(y_test, proba):.4f}")

    top = pd.Series(proba, index=X_test.index).nlargest(int(0.1 * len(X_test)))
    print(f"returns among top-decile sites: {y_test.loc[top.index].mean():.1%} "
          f"(base {y_test.mean():.1%})")

    gain = model.get_booster().get_score(importance_type="gain")
    for name, g in sorted(gain.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {name:22s} {g:8.2f}")


if __name__ == "__main__":
    main()
