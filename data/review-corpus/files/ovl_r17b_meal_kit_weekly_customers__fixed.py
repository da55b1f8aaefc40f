# label: leakage/none
# twin: ovl_r17b_meal_kit_weekly_customers__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
import keras
from keras import layers
from sklearn.model_selection import GroupShuffleSplit
from sklearn.metrics import roc_auc_score, f1_score

CONFIG = {
    "weeks_file": "warehouse/customer_weeks.parquet",
    "batch_size": 512,
    "epochs": 12,
    "lr": 1e-3,
    "seed": 99,
}
keras.utils.set_random_seed(CONFIG["seed"])

NUM_FEATURES = [
    "tenure_weeks", "boxes_last_4w", "skips_last_4w", "avg_rating_last_4w",
    "recipes_swapped_last_4w", "discount_pct", "price_per_serving",
    "servings_per_box", "support_tickets_8w", "days_since_last_login",
    "menu_overlap_score",
]


def build_frame(path):
    w = pd.read_parquet(path).sort_values(["customer_id", "week_start"])
    g = w.groupby("customer_id")
    w["boxes_last_4w"] = g["box_delivered"].transform(lambda s: s.shift(1).rolling(4, min_periods=1).sum())
    w["skips_last_4w"] = g["skipped"].transform(lambda s: s.shift(1).rolling(4, min_periods=1).sum())
    w["avg_rating_last_4w"] = g["recipe_rating"].transform(lambda s: s.shift(1).rolling(4, min_periods=1).mean())
    w["recipes_swapped_last_4w"] = g["recipes_swapped"].transform(
        lambda s: s.shift(1).rolling(4, min_periods=1).sum())
    w["skip_next_week"] = g["skipped"].shift(-1)
    w = w.dropna(subset=["skip_next_week"])
    w[NUM_FEATURES] = w[NUM_FEATURES].fillna(0.0)
    return w


def make_model(n_features, norm_layer):
    inputs = keras.Input(shape=(n_features,))
    x = norm_layer(inputs)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.2)(x)
    x = layers.Dense(32, activation="relu")(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, out)
    model.compile(optimizer=keras.optimizers.Adam(CONFIG["lr"]),
                  loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc")])
    return model


weeks = build_frame(CONFIG["weeks_file"])
print(weeks["customer_id"].nunique(), "customers,", len(weeks), "customer-weeks")

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=CONFIG["seed"])
train_idx, test_idx = next(gss.split(weeks, groups=weeks["customer_id"]))
train_df, test_df = weeks.iloc[train_idx], weeks.iloc[test_idx]

X_train = train_df[NUM_FEATURES].to_numpy("float32")
y_train = train_df["skip_next_week"].to_numpy("float32")
X_test = test_df[NUM_FEATURES].to_numpy("float32")
y_test = test_df["skip_next_week"].to_numpy("float32")

norm = layers.Normalization()
norm.adapt(X_train)
model = make_model(len(NUM_FEATURES), norm)
history = model.fit(X_train, y_train, batch_size=CONFIG["batch_size"],
                    epochs=CONFIG["epochs"], verbose=2)

p = model.predict(X_test, batch_size=4096).ravel()
print("test ROC AUC:", round(roc_auc_score(y_test, p), 4))
print("test F1 @0.5:", round(f1_score(y_test, p > 0.5), 4))

for plan, idx in test_df.groupby("plan_type").indices.items():
    if len(np.unique(y_test[idx])) > 1:
        print(f"{plan:>12s}  n={len(idx):6d}  auc={roc_auc_score(y_test[idx], p[idx]):.3f}")
