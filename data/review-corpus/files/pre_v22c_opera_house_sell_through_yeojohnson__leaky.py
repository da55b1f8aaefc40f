# label: leakage/preprocessing
"""Sell-through per performance at the opera house (tickets sold / seats on sale).

Box-office history is joined with the production sheet; the last two seasons
are kept aside to check the model before planning the next programme.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.preprocessing import OneHotEncoder, PowerTransformer

HOLDOUT_SEASONS = ["2022/23", "2023/24"]
SKEWED = ["marketing_spend_eur", "days_on_sale", "seats_on_sale", "top_price_eur",
          "lead_singer_followers", "composer_performances_10y", "run_length"]
FLAGS = ["is_premiere", "is_revival", "matinee", "school_holiday", "subtitle_screen"]
CATS = ["weekday", "genre", "language", "stage"]


def load_performances():
    box = pd.read_csv("data/box_office_performances.csv", parse_dates=["performance_date"])
    prod = pd.read_csv("data/productions.csv")
    perf = box.merge(prod, on="production_id", how="left", validate="many_to_one")
    perf["weekday"] = perf["performance_date"].dt.day_name()
    perf["sell_through"] = (perf["tickets_sold"] / perf["seats_on_sale"]).clip(0, 1)
    perf = perf[perf["seats_on_sale"] > 100]
    return perf.dropna(subset=SKEWED + CATS)


def one_hot(train_frame, test_frame):
    enc = OneHotEncoder(handle_unknown="ignore", sparse_output=False, min_frequency=10)
    enc.fit(train_frame[CATS])
    cols = enc.get_feature_names_out(CATS)
    return (pd.DataFrame(enc.transform(train_frame[CATS]), columns=cols, index=train_frame.index),
            pd.DataFrame(enc.transform(test_frame[CATS]), columns=cols, index=test_frame.index))


perf = load_performances()
print(perf.groupby("season")["sell_through"].agg(["count", "mean"]).round(3))

yj = PowerTransformer(method="yeo-johnson", standardize=True)
perf[SKEWED] = yj.fit_transform(perf[SKEWED])
print(dict(zip(SKEWED, np.round(yj.lambdas_, 2))))

is_test = perf["season"].isin(HOLDOUT_SEASONS)
train, test = perf[~is_test], perf[is_test]

oh_train, oh_test = one_hot(train, test)
X_train = pd.concat([train[SKEWED + FLAGS].astype(float), oh_train], axis=1)
X_test = pd.concat([test[SKEWED + FLAGS].astype(float), oh_test], axis=1)
y_train, y_test = train["sell_through"], test["sell_through"]

ridge = RidgeCV(alphas=np.logspace(-3, 3, 25))
ridge.fit(X_train, y_train)
pred = np.clip(ridge.predict(X_test), 0, 1)

print(f"alpha={ridge.alpha_:.3g}")
print(f"holdout MAE {mean_absolute_error(y_test, pred):.4f}  R2 {r2_score(y_test, pred):.3f}")

by_prod = (test.assign(pred=pred)
           .groupby("production_title")[["sell_through", "pred"]].mean()
           .sort_values("sell_through"))
print(by_prod.round(3).to_string())

coefs = pd.Series(ridge.coef_, index=X_train.columns).sort_values()
fig, ax = plt.subplots(figsize=(6, 7))
coefs.plot.barh(ax=ax)
ax.set_title("Ridge coefficients (transformed scale)")
fig.tight_layout()
fig.savefig("figures/sell_through_coefficients.png", dpi=110)
