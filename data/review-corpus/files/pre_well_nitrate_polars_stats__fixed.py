# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score

NUMERIC = [
    "well_depth_m", "ph", "conductivity_us_cm", "dissolved_oxygen_mg_l",
    "dist_to_cropland_m", "dist_to_septic_m", "annual_rain_mm",
    "soil_clay_pct", "aquifer_transmissivity",
]
TARGET = "nitrate_above_limit"

wells = (
    pl.read_parquet("data/groundwater_wells.parquet")
    .filter(pl.col(TARGET).is_not_null())
    .unique(subset=["well_id"])
)


def column_stats(frame):
    return {c: (frame[c].median(), frame[c].mean(), frame[c].std()) for c in NUMERIC}


def normalise(frame, stats):
    return frame.with_columns([
        ((pl.col(c).fill_null(stats[c][0]) - stats[c][1]) / stats[c][2]).alias(c)
        for c in NUMERIC
    ])


wells = wells.sample(fraction=1.0, shuffle=True, seed=7)
n_train = int(0.8 * wells.height)
train, test = wells.head(n_train), wells.tail(wells.height - n_train)

stats = column_stats(train)
train, test = normalise(train, stats), normalise(test, stats)

X_train, y_train = train.select(NUMERIC).to_numpy(), train[TARGET].to_numpy()
X_test, y_test = test.select(NUMERIC).to_numpy(), test[TARGET].to_numpy()

clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(classification_report(y_test, proba >= 0.5, digits=3))
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
