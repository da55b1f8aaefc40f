# label: leakage/none
# twin: tgt_clv_features_from_all_transactions__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

tx = pd.read_csv("transactions.csv", parse_dates=["ts"])
cutoff = pd.Timestamp("2024-01-01")

# label: what each customer spends in the 12 months after the cutoff
future = tx[(tx["ts"] >= cutoff) & (tx["ts"] < cutoff + pd.DateOffset(years=1))]
clv = future.groupby("customer_id")["amount"].sum().rename("spend_next_12m")

# RFM features per customer, from the transactions before the cutoff only
past = tx[tx["ts"] < cutoff]
rfm = past.groupby("customer_id").agg(
    recency_days=("ts", lambda s: (cutoff - s.max()).days),
    frequency=("ts", "count"),
    monetary=("amount", "mean"),
    first_seen_days=("ts", lambda s: (cutoff - s.min()).days),
)
data = rfm.join(clv, how="left").fillna({"spend_next_12m": 0.0})

X_train, X_test, y_train, y_test = train_test_split(data.drop(columns="spend_next_12m"), data["spend_next_12m"],
                                                    test_size=0.25, random_state=2)
model = GradientBoostingRegressor(loss="huber", random_state=2).fit(X_train, y_train)
print("MAE", mean_absolute_error(y_test, model.predict(X_test)))
