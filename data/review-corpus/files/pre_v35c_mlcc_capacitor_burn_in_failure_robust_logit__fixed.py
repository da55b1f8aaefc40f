# label: leakage/none
# Burn-in screen for multilayer ceramic capacitors (MLCC).
# Parametric readings taken at final test; label = unit failed the 168 h
# HALT burn-in. The aim is to release low-risk units of the same part family without burn-in.
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, RobustScaler

RAW = "final_test_parametrics_q1_q3.csv"

numeric = [
    "cap_dev_pct",          # capacitance deviation from nominal
    "dissipation_factor",
    "ir_gohm_log10",        # insulation resistance at rated voltage
    "esr_mohm",
    "bdv_margin_v",         # breakdown voltage margin at sample step
    "termination_um",
    "layer_count",
    "rated_voltage",
    "kiln_peak_c",
]
categorical = ["dielectric", "case_size", "kiln_line"]

df = pd.read_csv(RAW)
df = df[df["burn_in_result"].isin(["pass", "fail"])]
df["ir_gohm_log10"] = np.log10(df["ir_gohm"].clip(lower=1e-3))
y = (df["burn_in_result"] == "fail").astype(int).to_numpy()
print(f"units: {len(df):,}  burn-in fail rate: {y.mean():.4f}")

prep = ColumnTransformer(
    [
        ("num", make_pipeline(SimpleImputer(strategy="median"), RobustScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ]
)
X_train, X_test, y_train, y_test = train_test_split(
    df[numeric + categorical], y, test_size=0.25, stratify=y, random_state=17
)
X_train = prep.fit_transform(X_train)
X_test = prep.transform(X_test)

clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)
clf.fit(X_train, y_train)
p_test = clf.predict_proba(X_test)[:, 1]

print(f"ROC AUC : {roc_auc_score(y_test, p_test):.4f}")
print(f"PR AUC  : {average_precision_score(y_test, p_test):.4f}")

# fraction of units we could release without burn-in at a given risk cut
for cut in (0.05, 0.10, 0.20):
    skip = p_test < cut
    missed = y_test[skip].sum()
    print(
        f"cut {cut:.2f}: skip burn-in for {skip.mean():.1%} of units, "
        f"fails let through {missed} ({missed / max(y_test.sum(), 1):.1%}), "
        f"recall {recall_score(y_test, ~skip):.3f}"
    )

names = prep.get_feature_names_out()
coefs = pd.Series(clf.coef_[0], index=names).sort_values(key=np.abs, ascending=False)
print(coefs.head(12).round(3))
