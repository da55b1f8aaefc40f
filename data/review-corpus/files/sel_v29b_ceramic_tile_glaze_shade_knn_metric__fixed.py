# label: leakage/none
# Shade grading for glazed wall tiles: assign each tile to a shade lot (A..F) from the
# spectrophotometer spot readings taken at the end of the glaze line.
import polars as pl
import numpy as np
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.metrics import balanced_accuracy_score, confusion_matrix
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold

spots = pl.read_parquet("qc/spectro_spots_2023_2024.parquet")
grades = pl.read_csv("qc/shade_lot_assignments.csv", try_parse_dates=True)

# five spot readings per tile -> one row per tile
tiles = (
    spots.group_by("tile_id")
    .agg(
        pl.col("L").mean().alias("L_mean"),
        pl.col("a").mean().alias("a_mean"),
        pl.col("b").mean().alias("b_mean"),
        pl.col("L").std().alias("L_spread"),
        pl.col("gloss_60").mean().alias("gloss_mean"),
        pl.col("glaze_thickness_um").median().alias("glaze_um"),
    )
    .join(grades.select(["tile_id", "kiln_run", "run_date", "glaze_code", "shade_lot"]), on="tile_id")
    .with_columns(
        (pl.col("a_mean") ** 2 + pl.col("b_mean") ** 2).sqrt().alias("chroma"),
        pl.arctan2(pl.col("b_mean"), pl.col("a_mean")).alias("hue_rad"),
    )
    .filter(pl.col("glaze_code") == "WG-214")
)

FEATURES = ["L_mean", "a_mean", "b_mean", "L_spread", "gloss_mean", "glaze_um", "chroma", "hue_rad"]

# the most recent kiln runs are kept aside
run_dates = tiles["run_date"].unique().sort()
cutoff = run_dates[int(len(run_dates) * 0.8)]
train = tiles.filter(pl.col("run_date") < cutoff)
test = tiles.filter(pl.col("run_date") >= cutoff)
X_train, y_train = train.select(FEATURES).to_numpy(), train["shade_lot"].to_numpy()
X_test, y_test = test.select(FEATURES).to_numpy(), test["shade_lot"].to_numpy()
print(f"{len(train)} training tiles from {train['kiln_run'].n_unique()} runs, {len(test)} test tiles")

search = GridSearchCV(
    make_pipeline(StandardScaler(), KNeighborsClassifier()),
    param_grid={
        "kneighborsclassifier__metric": ["euclidean", "manhattan", "chebyshev", "cosine"],
        "kneighborsclassifier__n_neighbors": [3, 5, 9, 15, 25],
        "kneighborsclassifier__weights": ["uniform", "distance"],
    },
    scoring="balanced_accuracy",
    cv=StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=3),
    n_jobs=-1,
)
search.fit(X_train, y_train, groups=train["kiln_run"].to_numpy())
bp = search.best_params_
best = {
    "k": bp["kneighborsclassifier__n_neighbors"],
    "metric": bp["kneighborsclassifier__metric"],
    "weights": bp["kneighborsclassifier__weights"],
    "model": search.best_estimator_,
}

print(f"shade model: k={best['k']} metric={best['metric']} weights={best['weights']}")
print(f"grouped CV balanced accuracy: {search.best_score_:.3f}")
y_pred = best["model"].predict(X_test)
print(f"balanced accuracy on held-out runs: {balanced_accuracy_score(y_test, y_pred):.3f}")

lots = sorted(np.unique(y_train))
cm = confusion_matrix(y_test, y_pred, labels=lots)
print(pl.DataFrame(cm, schema=[f"pred_{l}" for l in lots], orient="row").with_columns(pl.Series("true", lots)))
adjacent = np.mean([abs(ord(p) - ord(t)) <= 1 for p, t in zip(y_pred, y_test)])
print(f"within one shade lot: {adjacent:.3f}")
