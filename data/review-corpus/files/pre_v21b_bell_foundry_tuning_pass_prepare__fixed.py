# label: leakage/none
"""Bell foundry: does a freshly cast bell pass the tonal check without lathe tuning?

Pass means hum, prime, tierce and quint all within 8 cents of the design partials.
Features come from the melt log, the mould record and the rough-casting measurements.
"""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score

CASTINGS = "foundry/castings_2009_2024.csv"
ALLOYS = ["BB77", "BB78", "BB80", "recycled_mix"]
MOULDS = ["loam", "sand_cope", "sand_ceramic"]
PROFILES = ["Whitechapel_old", "Whitechapel_new", "Taylor_1896", "continental"]
NUMERIC = [
    "mass_kg", "diameter_mm", "lip_thickness_mm", "waist_thickness_mm", "crown_height_mm",
    "pour_temp_c", "pour_seconds", "tin_pct", "lead_ppm", "cooling_hours", "mould_moisture_pct",
]


def load_castings(path):
    df = pd.read_csv(path, parse_dates=["cast_date"])
    df = df[df["scrapped"] == 0]
    dev_cols = ["hum_cents", "prime_cents", "tierce_cents", "quint_cents"]
    df["passes"] = (df[dev_cols].abs().max(axis=1) <= 8).astype(int)
    return df.dropna(subset=NUMERIC).reset_index(drop=True)


def dummies(series, levels, prefix):
    cat = pd.Categorical(series, categories=levels)
    return pd.get_dummies(cat, prefix=prefix, dtype=float).to_numpy()


def prepare(frame, scaler=None):
    X = frame[NUMERIC].copy()
    X["lip_to_diameter"] = X["lip_thickness_mm"] / X["diameter_mm"]
    X["waist_to_lip"] = X["waist_thickness_mm"] / X["lip_thickness_mm"]
    X["log_mass"] = np.log(X["mass_kg"])
    X["superheat_c"] = X["pour_temp_c"] - 1040.0
    if scaler is None:
        scaler = StandardScaler().fit(X)
    num = scaler.transform(X)
    cats = np.hstack([
        dummies(frame["alloy"], ALLOYS, "alloy"),
        dummies(frame["mould_type"], MOULDS, "mould"),
        dummies(frame["profile"], PROFILES, "profile"),
    ])
    return np.hstack([num, cats]), scaler


castings = load_castings(CASTINGS)
print(castings["passes"].value_counts(normalize=True).round(3))
print(castings.groupby("mould_type")["passes"].mean().round(3))

train, test = train_test_split(castings, test_size=0.2, stratify=castings["passes"], random_state=12)
X_train, scaler = prepare(train)
X_test, _ = prepare(test, scaler)
y_train, y_test = train["passes"].to_numpy(), test["passes"].to_numpy()

clf = SVC(C=3.0, gamma="scale", kernel="rbf", class_weight="balanced", probability=True, random_state=12)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = clf.predict(X_test)
print(f"balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
print(f"ROC AUC:           {roc_auc_score(y_test, proba):.3f}")
print(classification_report(y_test, pred, target_names=["needs tuning", "passes"]))

by_profile = pd.DataFrame({"profile": test["profile"].to_numpy(), "y": y_test, "pred": pred})
print(by_profile.groupby("profile").apply(lambda g: (g["y"] == g["pred"]).mean()).round(3))

heavy = test["mass_kg"].to_numpy() > 500
print(f"accuracy on bells over 500 kg: {(pred[heavy] == y_test[heavy]).mean():.3f}  (n={heavy.sum()})")
