# label: leakage/none
# Which outbound pallets arrive damaged at the customer DC?
# Used to decide on extra stretch-wrap / corner boards at dispatch.
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

pallets = pd.read_csv("data/outbound_pallets.csv", parse_dates=["dispatch_ts"])
receiving = pd.read_csv("data/dc_receiving_log.csv")
df = pallets.merge(receiving[["pallet_sscc", "damaged_on_arrival"]],
                   on="pallet_sscc", how="inner")

df["dispatch_hour"] = df["dispatch_ts"].dt.hour
df["dispatch_dow"] = df["dispatch_ts"].dt.dayofweek
df["height_to_base"] = df["stack_height_cm"] / df["base_footprint_cm"]
df["kg_per_layer"] = df["gross_weight_kg"] / df["layers"].clip(lower=1)

categorical = ["carrier", "lane", "pallet_type", "product_family", "load_position", "wrap_machine"]
numeric = ["gross_weight_kg", "stack_height_cm", "layers", "wrap_layers", "lane_km",
           "transfers", "mixed_sku_count", "fragility_index", "trailer_fill_pct",
           "dispatch_hour", "dispatch_dow", "height_to_base", "kg_per_layer"]

split_date = pd.Timestamp("2024-05-01")
train = df[df["dispatch_ts"] < split_date]
test = df[df["dispatch_ts"] >= split_date]
X_train, y_train = train[categorical + numeric], train["damaged_on_arrival"]
X_test, y_test = test[categorical + numeric], test["damaged_on_arrival"]
print(f"train {len(train)} ({y_train.mean():.2%} damaged)  test {len(test)} ({y_test.mean():.2%} damaged)")

prep = ColumnTransformer([
    ("cat", Pipeline([
        ("imp", SimpleImputer(strategy="constant", fill_value="unknown")),
        ("enc", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)),
    ]), categorical),
    ("num", "passthrough", numeric),
])

model = Pipeline([
    ("prep", prep),
    ("hgb", HistGradientBoostingClassifier(
        learning_rate=0.06,
        max_iter=400,
        max_leaf_nodes=31,
        l2_regularization=1.0,
        categorical_features=list(range(len(categorical))),
        class_weight="balanced",
        random_state=8,
    )),
])
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC {roc_auc_score(y_test, proba):.4f}   PR AUC {average_precision_score(y_test, proba):.4f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

wrap_budget = int(0.15 * len(test))
ranked = test.assign(p=proba).nlargest(wrap_budget, "p")
caught = ranked["damaged_on_arrival"].sum() / max(y_test.sum(), 1)
print(f"extra wrap on top 15% of pallets would cover {caught:.1%} of damaged arrivals")

by_carrier = test.assign(p=proba).groupby("carrier").agg(
    pallets=("p", "size"), predicted=("p", "mean"), actual=("damaged_on_arrival", "mean"))
print(by_carrier.sort_values("actual", ascending=False).round(3))
