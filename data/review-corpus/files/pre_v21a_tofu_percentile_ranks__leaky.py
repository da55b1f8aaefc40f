# label: leakage/preprocessing
"""Tofu line: predict curd firmness (texture analyser peak force, N) from the batch record."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_squared_error, r2_score

SETTINGS = {
    "file": "data/tofu_batches.csv",
    "target": "peak_force_n",
    "test_size": 0.25,
    "seed": 17,
}
RAW = ["bean_protein_pct", "bean_oil_pct", "soak_hours", "soak_temp_c", "grind_water_ratio",
       "cook_temp_c", "cook_minutes", "soymilk_brix", "coagulant_g_per_l",
       "coagulation_temp_c", "press_kpa", "press_minutes"]
RANKED = ["bean_protein_pct", "soymilk_brix", "coagulant_g_per_l", "press_kpa"]
COAGULANTS = {"nigari": 0, "gypsum": 1, "gdl": 2, "mixed": 3}


def read_batches(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=RAW + [SETTINGS["target"], "coagulant"])
    df["coagulant_code"] = df["coagulant"].map(COAGULANTS)
    return df.dropna(subset=["coagulant_code"]).reset_index(drop=True)


def rank_against(reference, values):
    ordered = np.sort(np.asarray(reference, dtype=float))
    return np.searchsorted(ordered, np.asarray(values, dtype=float), side="right") / len(ordered)


def add_ranks(frame, reference):
    out = frame.copy()
    for col in RANKED:
        out[col + "_pctl"] = rank_against(reference[col], frame[col])
    return out


def rmse(a, b):
    return float(np.sqrt(mean_squared_error(a, b)))


batches = read_batches(SETTINGS["file"])
print(batches.shape)
batches = add_ranks(batches, batches)

train, test = train_test_split(batches, test_size=SETTINGS["test_size"],
                               random_state=SETTINGS["seed"])

feature_cols = RAW + ["coagulant_code"] + [c + "_pctl" for c in RANKED]
mu, sd = train[feature_cols].mean(), train[feature_cols].std().replace(0, 1)
Z_train = (train[feature_cols] - mu) / sd
Z_test = (test[feature_cols] - mu) / sd

ridge = RidgeCV(alphas=np.logspace(-3, 3, 25))
ridge.fit(Z_train, train[SETTINGS["target"]])
pred = ridge.predict(Z_test)

print("alpha:", ridge.alpha_)
print("RMSE (N):", round(rmse(test[SETTINGS["target"]], pred), 2))
print("R^2     :", round(r2_score(test[SETTINGS["target"]], pred), 3))

coefs = pd.Series(ridge.coef_, index=feature_cols).sort_values()
coefs.plot.barh(figsize=(6, 5), title="standardised ridge coefficients")
plt.tight_layout()
plt.savefig("tofu_ridge_coefs.png", dpi=110)

plt.figure(figsize=(4, 4))
plt.scatter(test[SETTINGS["target"]], pred, s=10, alpha=0.6)
plt.xlabel("measured peak force (N)")
plt.ylabel("predicted")
plt.savefig("tofu_pred_vs_actual.png", dpi=110)
