# label: leakage/selection
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

listings = pd.read_csv("handmade_quilt_listings.csv", parse_dates=["listed_on"])
listings = listings[listings["sold_price_usd"].between(20, 5000)].copy()
listings["log_price"] = np.log1p(listings["sold_price_usd"])
listings["area_sq_in"] = listings["width_in"] * listings["length_in"]
listings["listing_month"] = listings["listed_on"].dt.month
listings["n_photos"] = listings["n_photos"].fillna(0)

num_cols = ["area_sq_in", "n_fabrics", "stitch_density", "hours_claimed", "n_photos",
            "seller_rating", "seller_prior_sales", "listing_month"]
cat_cols = ["pattern_style", "batting_type", "binding", "machine_or_hand", "region"]


def linear_model():
    pre = ColumnTransformer([
        ("num", StandardScaler(), num_cols),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), cat_cols),
    ])
    return make_pipeline(pre, RidgeCV(alphas=np.logspace(-2, 3, 20)))


def boosted_model():
    pre = ColumnTransformer([
        ("num", "passthrough", num_cols),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10, sparse_output=False), cat_cols),
    ])
    return make_pipeline(pre, HistGradientBoostingRegressor(max_iter=600, learning_rate=0.05,
                                                             l2_regularization=1.0, random_state=3))


def dollars(log_values):
    return np.expm1(log_values)


X = listings[num_cols + cat_cols]
y = listings["log_price"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=3)

ridge = linear_model().fit(X_train, y_train)
gbm = boosted_model().fit(X_train, y_train)

pred_ridge = ridge.predict(X_test)
pred_gbm = gbm.predict(X_test)

weights = np.linspace(0, 1, 21)
blend_mae = []
for w in weights:
    blended = w * pred_gbm + (1 - w) * pred_ridge
    blend_mae.append(mean_absolute_error(dollars(y_test), dollars(blended)))
best_w = weights[int(np.argmin(blend_mae))]
print(f"gbm weight in blend: {best_w:.2f}")

final_pred = best_w * pred_gbm + (1 - best_w) * pred_ridge
print("ridge MAE  $%.2f" % mean_absolute_error(dollars(y_test), dollars(pred_ridge)))
print("gbm MAE    $%.2f" % mean_absolute_error(dollars(y_test), dollars(pred_gbm)))
print("blend MAE  $%.2f" % mean_absolute_error(dollars(y_test), dollars(final_pred)))

fig, axes = plt.subplots(1, 2, figsize=(11, 4))
axes[0].plot(weights, blend_mae, marker="o")
axes[0].set_xlabel("gbm weight")
axes[0].set_ylabel("MAE ($)")
axes[1].scatter(dollars(y_test), dollars(final_pred), s=6, alpha=0.4)
axes[1].set_xscale("log")
axes[1].set_yscale("log")
axes[1].set_xlabel("sold price")
axes[1].set_ylabel("predicted")
fig.tight_layout()
fig.savefig("quilt_blend.png", dpi=120)
