# label: leakage/target
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import matplotlib.pyplot as plt
from sklearn.model_selection import GroupShuffleSplit
from sklearn.metrics import roc_auc_score, brier_score_loss

ORDERS_CSV = "data/optician_orders_2014_2024.csv"
HORIZON_DAYS = 730


def load_orders(path):
    orders = pd.read_csv(path, parse_dates=["order_date", "last_exam_date"])
    orders = orders[orders["status"] == "dispensed"]
    orders = orders.sort_values(["customer_id", "order_date", "order_id"]).reset_index(drop=True)
    return orders


def add_label(orders):
    g = orders.groupby("customer_id")
    next_order = g["order_date"].shift(-1)
    gap = (next_order - orders["order_date"]).dt.days
    orders["repurchase"] = (gap <= HORIZON_DAYS).astype(int)
    data_end = orders["order_date"].max()
    observable = orders["order_date"] <= data_end - pd.Timedelta(days=HORIZON_DAYS)
    return orders[observable].copy()


def add_features(orders):
    g = orders.groupby("customer_id")
    orders["customer_orders"] = g["order_id"].transform("count")
    first = g["order_date"].transform("min")
    orders["tenure_years"] = (orders["order_date"] - first).dt.days / 365.25
    orders["exam_gap_months"] = (orders["order_date"] - orders["last_exam_date"]).dt.days / 30.4
    orders["rx_change_abs"] = orders["sphere_change_dpt"].abs().fillna(0)
    orders["log_value"] = np.log(orders["order_value"].clip(lower=20))
    orders["age_band"] = pd.cut(orders["age_at_order"], [0, 18, 40, 55, 65, 120],
                                labels=["u18", "18-39", "40-54", "55-64", "65+"])
    return orders


orders = add_features(load_orders(ORDERS_CSV))
orders = add_label(orders)
print(f"{len(orders)} orders, {orders['customer_id'].nunique()} customers, "
      f"repurchase rate {orders['repurchase'].mean():.3f}")

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=4)
tr_idx, te_idx = next(splitter.split(orders, groups=orders["customer_id"]))
train, test = orders.iloc[tr_idx], orders.iloc[te_idx]

formula = (
    "repurchase ~ np.log1p(customer_orders) + tenure_years + C(product_type)"
    " + progressive + C(age_band) + C(insurance_plan) + exam_gap_months"
    " + rx_change_abs + log_value + contact_lens_wearer"
)
logit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(logit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

test = test.assign(p=logit.predict(test))
print(f"test AUC   {roc_auc_score(test['repurchase'], test['p']):.3f}")
print(f"test Brier {brier_score_loss(test['repurchase'], test['p']):.3f}")

deciles = pd.qcut(test["p"], 10, labels=False, duplicates="drop")
lift = test.groupby(deciles)["repurchase"].mean()
print(lift.round(3))

fig, ax = plt.subplots(figsize=(6, 4))
lift.plot.bar(ax=ax, color="tab:green")
ax.axhline(test["repurchase"].mean(), color="k", lw=1, ls="--")
ax.set_xlabel("predicted decile")
ax.set_ylabel("observed repurchase rate")
plt.tight_layout()
plt.show()
