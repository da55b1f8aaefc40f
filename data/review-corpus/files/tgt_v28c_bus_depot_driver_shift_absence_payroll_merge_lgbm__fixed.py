# label: leakage/none
# Depot rostering: probability that a rostered driver does not turn up for a duty.
# Rosters are published 14 days ahead; the model scores each duty when the roster is published.
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

roster = pd.read_csv("depot/roster_duties_2022_2024.csv", parse_dates=["duty_date", "published_on"])
drivers = pd.read_csv("depot/driver_register.csv", parse_dates=["start_date"])
payroll = pd.read_parquet("depot/payroll_duty_lines.parquet")  # one line per duty_id

df = (
    roster.merge(drivers[["driver_id", "start_date", "contract", "home_depot"]], on="driver_id", how="left")
    .merge(payroll[["duty_id", "overtime_hrs_4wk_to_publish"]], on="duty_id", how="left")
)
df["absent"] = df["attendance_code"].isin(["SICK", "AWOL", "FTR"]).astype(int)

df["tenure_years"] = (df["duty_date"] - df["start_date"]).dt.days / 365.25
df["start_hour"] = df["sign_on_time"].str.slice(0, 2).astype(int)
df["dow"] = df["duty_date"].dt.dayofweek
df["is_bank_holiday"] = df["duty_date"].isin(pd.to_datetime(pd.read_csv("depot/bank_holidays.csv")["date"])).astype(int)
df["split_shift"] = (df["n_pieces"] > 1).astype(int)
df["rest_before_hrs"] = df["rest_before_hrs"].clip(upper=72)

is_train = df["duty_date"] < "2024-01-01"
# category levels as seen in the training years
for c in ["contract", "home_depot", "route_group", "vehicle_type"]:
    df[c] = pd.Categorical(df[c], categories=sorted(df.loc[is_train, c].dropna().unique()))

FEATURES = [
    "tenure_years", "contract", "home_depot", "route_group", "vehicle_type",
    "start_hour", "dow", "is_bank_holiday", "split_shift", "duty_length_hrs",
    "rest_before_hrs", "overtime_hrs_4wk_to_publish",
    "annual_leave_left_days",
]

train = df[is_train]
test = df[~is_train]

model = lgb.LGBMClassifier(
    n_estimators=400,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=50,
    reg_lambda=2.0,
    colsample_bytree=0.8,
    random_state=7,
    verbose=-1,
)
model.fit(train[FEATURES], train["absent"], categorical_feature="auto")

p = model.predict_proba(test[FEATURES])[:, 1]
print(f"absence rate test: {test['absent'].mean():.3%}")
print(f"ROC AUC  {roc_auc_score(test['absent'], p):.3f}")
print(f"PR AUC   {average_precision_score(test['absent'], p):.3f}")
print(f"log loss {log_loss(test['absent'], p):.4f}")

# how many absences land in the top 5% of duties the controller would double-book
k = int(0.05 * len(test))
top = np.argsort(p)[::-1][:k]
print(f"absences caught in top 5%: {test['absent'].to_numpy()[top].sum()} / {test['absent'].sum()}")

imp = pd.Series(model.booster_.feature_importance("gain"), index=FEATURES)
print(imp.sort_values(ascending=False).round(0))
