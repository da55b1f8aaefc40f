# label: leakage/preprocessing
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, brier_score_loss

PIPES = "data/sewer_segments_cctv.csv"
LABEL = "blockage_next_12m"
SMOOTH = 25

NUMERIC = [
    "pipe_age_years", "diameter_mm", "length_m", "slope_pct", "depth_m",
    "cctv_structural_grade", "cctv_service_grade", "root_intrusion_score",
    "n_upstream_restaurants", "tree_canopy_pct",
]
CATEGORICAL = ["material", "joint_type", "land_use"]


def read_segments(path):
    seg = pd.read_csv(path)
    seg = seg[seg["diameter_mm"].between(100, 1200)].copy()
    seg["log_length"] = np.log1p(seg["length_m"])
    seg["flat_grade"] = (seg["slope_pct"] < 0.5).astype(int)
    return seg


def smoothed_rate(frame, key, label, prior, k):
    stats = frame.groupby(key)[label].agg(["sum", "count"])
    return (stats["sum"] + k * prior) / (stats["count"] + k)


seg = read_segments(PIPES)
print(seg.shape, "blockage rate:", round(seg[LABEL].mean(), 4))

prior = seg[LABEL].mean()
rate = smoothed_rate(seg, "catchment_id", LABEL, prior, SMOOTH)
seg["catchment_rate"] = seg["catchment_id"].map(rate)

train, test = train_test_split(seg, test_size=0.25, stratify=seg[LABEL], random_state=8)

num_cols = NUMERIC + ["log_length", "flat_grade", "catchment_rate"]
prep = ColumnTransformer([
    ("num", StandardScaler(), num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
])
model = make_pipeline(prep, LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced"))
model.fit(train[num_cols + CATEGORICAL], train[LABEL])

p = model.predict_proba(test[num_cols + CATEGORICAL])[:, 1]
print(f"AUC   {roc_auc_score(test[LABEL], p):.3f}")
print(f"Brier {brier_score_loss(test[LABEL], p):.4f}")

coef_names = model[0].get_feature_names_out()
coefs = pd.Series(model[-1].coef_[0], index=coef_names).sort_values()
print(coefs.tail(8).round(3))

# crews can jet ~8% of the network per year
budget = int(0.08 * len(test))
ranked = test.assign(score=p).sort_values("score", ascending=False)
caught = ranked.head(budget)[LABEL].sum() / max(test[LABEL].sum(), 1)
print(f"share of blockages in top {budget} segments: {caught:.2%}")

deciles = pd.qcut(ranked["score"], 10, labels=False, duplicates="drop")
ranked.groupby(deciles)[LABEL].mean().plot(marker="o")
plt.xlabel("score decile")
plt.ylabel("observed blockage rate")
plt.savefig("sewer_deciles.png", dpi=110)
