# label: leakage/target
# Vinyl pressing pre-orders: will the customer cancel before the release date?
# Scored nightly on new pre-orders so the shop can size its pressing allocation.
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.compose import ColumnTransformer
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["format", "genre", "payment_method", "country"]
NUMERIC = ["price_gbp", "days_to_release", "customer_tenure_days", "customer_prior_orders",
           "artist_prior_releases", "limited_edition", "coloured_vinyl", "items_in_basket",
           "newsletter_opt_in", "support_contacts"]


def load_preorders():
    orders = pd.read_csv("preorders_2021_2024.csv", parse_dates=["order_date", "release_date"])
    orders = orders[orders["order_date"] < orders["release_date"]]
    orders["days_to_release"] = (orders["release_date"] - orders["order_date"]).dt.days
    orders["cancelled"] = orders["cancelled_at"].notna().astype(int)
    return orders


def add_support_contacts(orders):
    tickets = pd.read_csv("helpdesk_tickets.csv", parse_dates=["created_at"])
    pairs = orders[["order_id", "customer_id", "order_date"]].merge(
        tickets[["customer_id", "created_at"]], on="customer_id", how="inner")
    counts = pairs.groupby("order_id").size().rename("support_contacts")
    orders = orders.merge(counts, left_on="order_id", right_index=True, how="left")
    orders["support_contacts"] = orders["support_contacts"].fillna(0)
    return orders


def build_net(n_inputs):
    model = tf.keras.Sequential([
        tf.keras.layers.Input((n_inputs,)),
        tf.keras.layers.Dense(64, activation="relu"),
        tf.keras.layers.Dropout(0.2),
        tf.keras.layers.Dense(32, activation="relu"),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(5e-4), loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(name="auc")])
    return model


orders = add_support_contacts(load_preorders()).sort_values("order_date")
# training pre-orders are those whose release date has already passed
train = orders[orders["release_date"] < "2024-01-01"]
test = orders[orders["order_date"] >= "2024-01-01"]

pre = ColumnTransformer([
    ("num", StandardScaler(), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
])
X_train = pre.fit_transform(train).astype("float32")
X_test = pre.transform(test).astype("float32")
y_train = train["cancelled"].to_numpy()
y_test = test["cancelled"].to_numpy()

pos_rate = y_train.mean()
class_weight = {0: 1.0, 1: (1 - pos_rate) / pos_rate}

net = build_net(X_train.shape[1])
net.fit(X_train, y_train, epochs=40, batch_size=256, validation_split=0.15,
        class_weight=class_weight, verbose=2,
        callbacks=[tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max",
                                                    patience=5, restore_best_weights=True)])

proba = net.predict(X_test, batch_size=1024).ravel()
print(f"cancellation rate: train {pos_rate:.3f}, test {y_test.mean():.3f}")
print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC  {average_precision_score(y_test, proba):.3f}")
top = proba >= np.quantile(proba, 0.9)
print(f"cancellations in top decile: {y_test[top].mean():.2%} vs base {y_test.mean():.2%}")
