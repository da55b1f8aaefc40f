# label: leakage/preprocessing
"""Rank e-bike hub motors by risk of a warranty return within 24 months using end-of-line bench measurements."""
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.neighbors import LocalOutlierFactor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import RobustScaler

BENCH = ["phase_r_a_mohm", "phase_r_b_mohm", "phase_r_c_mohm", "back_emf_v_krpm",
         "cogging_mnm", "bearing_noise_db", "hall_offset_deg", "temp_rise_c", "no_load_current_a"]

bench = pd.read_csv("eol_bench_results.csv", parse_dates=["build_date"])
lots = pd.read_csv("magnet_lots.csv")                      # supplier and lot coercivity
claims = pd.read_csv("warranty_flags_24m.csv")             # serial, returned_24m

df = bench.merge(lots, on="magnet_lot", how="left").merge(claims, on="serial", how="inner")
df = df.dropna(subset=BENCH).drop_duplicates("serial").reset_index(drop=True)

df["phase_imbalance"] = df[["phase_r_a_mohm", "phase_r_b_mohm", "phase_r_c_mohm"]].std(axis=1) / \
    df[["phase_r_a_mohm", "phase_r_b_mohm", "phase_r_c_mohm"]].mean(axis=1)
df["emf_per_coercivity"] = df["back_emf_v_krpm"] / df["lot_coercivity_ka_m"]
df["supplier_code"] = df["magnet_supplier"].map({"NX": 0, "HT": 1, "ZB": 2}).fillna(3)
df["shift_night"] = (df["build_shift"] == "night").astype(int)

# how unusual each motor's bench signature is compared with its neighbours
lof = make_pipeline(RobustScaler(), LocalOutlierFactor(n_neighbors=40))
lof.fit(df[BENCH])
df["bench_lof"] = -lof[-1].negative_outlier_factor_

FEATURES = BENCH + ["phase_imbalance", "emf_per_coercivity", "supplier_code", "shift_night", "bench_lof"]
# whole magnet lots on one side of the split
gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=8)
tr_idx, te_idx = next(gss.split(df, groups=df["magnet_lot"]))
train, test = df.iloc[tr_idx], df.iloc[te_idx]
print(f"train {len(train)} motors ({train['returned_24m'].mean():.2%} returned), "
      f"test {len(test)} motors ({test['returned_24m'].mean():.2%} returned)")

model = LGBMClassifier(n_estimators=500, learning_rate=0.02, num_leaves=15, min_child_samples=40,
                       subsample=0.8, subsample_freq=1, colsample_bytree=0.7,
                       scale_pos_weight=10.0, random_state=8, verbose=-1)
model.fit(train[FEATURES], train["returned_24m"])
risk = model.predict_proba(test[FEATURES])[:, 1]

print(f"ROC AUC {roc_auc_score(test['returned_24m'], risk):.3f}  "
      f"PR AUC {average_precision_score(test['returned_24m'], risk):.3f}")

# share of returns caught if the riskiest 5% are re-tested before shipping
top = risk >= np.quantile(risk, 0.95)
print(f"top 5% contain {test['returned_24m'].to_numpy()[top].sum() / test['returned_24m'].sum():.1%} of returns")
imp = pd.Series(model.booster_.feature_importance("gain"), index=FEATURES).sort_values(ascending=False)
print(imp.head(8).round(0))
