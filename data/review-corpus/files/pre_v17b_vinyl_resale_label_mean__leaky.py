# label: leakage/preprocessing
# twin: pre_v17b_vinyl_resale_label_mean__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold

GRADE_MAP = {"M": 8, "NM": 7, "VG+": 6, "VG": 5, "G+": 4, "G": 3, "F": 2, "P": 1}
NUMERIC = [
    "media_grade", "sleeve_grade", "is_first_press", "is_colored", "is_180g",
    "years_since_release", "have_count", "want_count", "want_have_ratio",
    "tracks", "label_mean_logprice",
]


def prepare(path):
    sales = pd.read_csv(path, low_memory=False)
    sales = sales[(sales["price_usd"] > 1) & (sales["format"] == "LP")].copy()
    sales["log_price"] = np.log1p(sales["price_usd"])
    sales["media_grade"] = sales["media_condition"].str.upper().map(GRADE_MAP)
    sales["sleeve_grade"] = sales["sleeve_condition"].str.upper().map(GRADE_MAP)
    notes = sales["pressing_notes"].fillna("").str.lower()
    sales["is_first_press"] = notes.str.contains("first press|1st press").astype(int)
    sales["is_colored"] = notes.str.contains("colou?red|splatter|marbled").astype(int)
    sales["is_180g"] = notes.str.contains("180").astype(int)
    sales["years_since_release"] = sales["sale_year"] - sales["release_year"]
    sales["want_have_ratio"] = sales["want_count"] / (sales["have_count"] + 1)
    sales["record_label"] = sales["record_label"].fillna("unknown").str.strip().str.lower()
    return sales.dropna(subset=["media_grade", "sleeve_grade", "release_year"]).reset_index(drop=True)


sales = prepare("data/discogs_marketplace_sales.csv")
sales["label_mean_logprice"] = sales.groupby("record_label")["log_price"].transform("mean")
print(f"{len(sales)} sales, {sales['record_label'].nunique()} labels")

kf = KFold(n_splits=5, shuffle=True, random_state=21)
fold_rows = []
for fold, (tr, va) in enumerate(kf.split(sales), start=1):
    train, valid = sales.iloc[tr], sales.iloc[va]

    gbr = GradientBoostingRegressor(
        n_estimators=600, learning_rate=0.05, max_depth=4, subsample=0.8, random_state=fold
    )
    gbr.fit(train[NUMERIC], train["log_price"])
    pred_log = gbr.predict(valid[NUMERIC])

    fold_rows.append({
        "fold": fold,
        "mae_usd": mean_absolute_error(valid["price_usd"], np.expm1(pred_log)),
        "r2_log": r2_score(valid["log_price"], pred_log),
    })

report = pd.DataFrame(fold_rows).set_index("fold")
print(report.round(3))
print(f"CV MAE ${report['mae_usd'].mean():.2f}  R2(log) {report['r2_log'].mean():.3f}")
