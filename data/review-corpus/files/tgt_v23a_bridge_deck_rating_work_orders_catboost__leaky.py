# label: leakage/target
"""Predict which road bridges get a poor deck rating (4 or below) in the 2023 inspection cycle."""
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

bridges = pd.read_csv("bridge_register.csv")
insp = pd.read_csv("inspections_2023.csv", parse_dates=["inspected_on"])
orders = pd.read_parquet("maintenance_work_orders.parquet")  # one row per work order

insp = insp[insp["element"] == "deck"].drop_duplicates("bridge_id", keep="last")
df = insp.merge(bridges, on="bridge_id", how="inner")
df["poor_deck"] = (df["condition_rating"] <= 4).astype(int)
df["age_years"] = df["inspected_on"].dt.year - df["year_built"]
df["deck_area_m2"] = df["deck_length_m"] * df["deck_width_m"]
df["heavy_aadt"] = df["aadt"] * df["heavy_vehicle_pct"] / 100

wo = (
    orders.assign(is_deck=orders["category"].eq("deck"), cost_k=orders["cost"] / 1000)
    .groupby("bridge_id")
    .agg(n_orders=("order_id", "size"), deck_orders=("is_deck", "sum"), order_cost_k=("cost_k", "sum"))
    .reset_index()
)
df = df.merge(wo, on="bridge_id", how="left")
df[["n_orders", "deck_orders", "order_cost_k"]] = df[["n_orders", "deck_orders", "order_cost_k"]].fillna(0)

CATS = ["material", "deck_type", "district", "drainage_type"]
NUMS = ["age_years", "deck_area_m2", "aadt", "heavy_aadt",
        "salt_route", "span_count", "prev_deck_rating", "n_orders", "deck_orders", "order_cost_k"]
df[CATS] = df[CATS].fillna("unknown").astype(str)

train, test = train_test_split(df, test_size=0.25, stratify=df["poor_deck"], random_state=8)

model = CatBoostClassifier(
    iterations=800,
    depth=6,
    learning_rate=0.05,
    l2_leaf_reg=5,
    auto_class_weights="Balanced",
    random_seed=8,
    verbose=0,
)
model.fit(train[CATS + NUMS], train["poor_deck"], cat_features=CATS)

proba = model.predict_proba(test[CATS + NUMS])[:, 1]
flag = (proba >= 0.5).astype(int)
print(f"bridges: train {len(train)}, test {len(test)}, poor share {df['poor_deck'].mean():.3f}")
print(f"test ROC AUC: {roc_auc_score(test['poor_deck'], proba):.3f}")
print(f"test recall {recall_score(test['poor_deck'], flag):.3f}, precision {precision_score(test['poor_deck'], flag):.3f}")
imp = pd.Series(model.get_feature_importance(), index=CATS + NUMS).sort_values(ascending=False)
print(imp.head(6).round(2).to_string())
