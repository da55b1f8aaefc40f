# label: leakage/none
# Garden centre: which plant sales end in a 12-month hardy-plant guarantee claim?
# One row per sold plant (till export joined to the plant catalogue).
import numpy as np
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.tree import DecisionTreeClassifier, export_text

sales = pl.read_parquet("exports/plant_sales_2021_2023.parquet")
catalogue = pl.read_csv("exports/plant_catalogue.csv")

df = (
    sales.join(catalogue, on="sku", how="left")
    .filter(pl.col("price_gbp") > 0)
    .with_columns(
        pl.col("sold_at").dt.month().alias("month"),
        (pl.col("pot_litres") >= 10).cast(pl.Int8).alias("large_pot"),
        pl.col("hardiness_zone").fill_null(-1),
    )
)

CAT = ["plant_group", "supplier", "till_area", "hardiness_band"]
NUM = ["price_gbp", "pot_litres", "large_pot", "month", "hardiness_zone",
       "days_on_bench", "loyalty_member", "home_delivery", "bench_watering_flag"]

pdf = df.select(CAT + NUM + ["claimed"]).to_pandas()
X, y = pdf[CAT + NUM], pdf["claimed"].to_numpy()

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=3)

prep = ColumnTransformer(
    [("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20), CAT)],
    remainder="passthrough",
)
Xt_tr = prep.fit_transform(X_tr)

base = DecisionTreeClassifier(class_weight="balanced", random_state=3)
path = base.cost_complexity_pruning_path(Xt_tr, y_tr)
alphas = np.unique(np.round(path.ccp_alphas[:-1], 6))
# the path can be very long, thin it out
alphas = alphas[np.linspace(0, len(alphas) - 1, min(40, len(alphas))).astype(int)]

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=3)
scores = []
for a in alphas:
    model = Pipeline([
        ("prep", prep),
        ("tree", DecisionTreeClassifier(class_weight="balanced", ccp_alpha=a, random_state=3)),
    ])
    auc = cross_val_score(model, X_tr, y_tr, cv=cv, scoring="roc_auc")
    scores.append(auc.mean())

best_alpha = alphas[int(np.argmax(scores))]
print(f"ccp_alpha={best_alpha:.6f}  (cv auc {max(scores):.3f})")

final = Pipeline([
    ("prep", prep),
    ("tree", DecisionTreeClassifier(class_weight="balanced", ccp_alpha=best_alpha, random_state=3)),
])
final.fit(X_tr, y_tr)
proba = final.predict_proba(X_te)[:, 1]
print(f"leaves: {final['tree'].get_n_leaves()}  depth: {final['tree'].get_depth()}")
print(f"test ROC AUC: {roc_auc_score(y_te, proba):.3f}")
print(f"test balanced acc: {balanced_accuracy_score(y_te, (proba >= 0.5).astype(int)):.3f}")

names = list(final["prep"].get_feature_names_out())
print(export_text(final["tree"], feature_names=names, max_depth=4))
