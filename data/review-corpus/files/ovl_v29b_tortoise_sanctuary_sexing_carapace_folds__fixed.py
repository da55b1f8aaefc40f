# label: leakage/none
# Sexing juvenile Hermann's tortoises from shell morphometrics.
# Keepers measure each animal at every spring health check; sex is confirmed later
# (adult tail / plastron) and back-filled into the measurement sheet.
# The model is meant for newly admitted juveniles that have no confirmed sex yet.
import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.model_selection import GroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

checks = pd.read_excel("records/health_checks_2012_2024.xlsx", sheet_name="morphometrics")
animals = pd.read_csv("records/animal_register.csv", usecols=["tortoise_id", "origin", "confirmed_sex"])

df = checks.merge(animals, on="tortoise_id", how="inner")
df = df[df["confirmed_sex"].isin(["M", "F"])].copy()
df["check_date"] = pd.to_datetime(df["check_date"], dayfirst=True)
df = df[df["est_age_years"] < 6]   # juvenile checks only

# shell shape ratios are more stable than raw sizes across ages
df["width_ratio"] = df["carapace_width_mm"] / df["carapace_length_mm"]
df["plastron_ratio"] = df["plastron_length_mm"] / df["carapace_length_mm"]
df["tail_ratio"] = df["tail_length_mm"] / df["carapace_length_mm"]
df["anal_gap_ratio"] = df["anal_notch_width_mm"] / df["plastron_length_mm"]
df["mass_index"] = df["mass_g"] / (df["carapace_length_mm"] ** 3) * 1e4
df["supracaudal_split"] = df["supracaudal_scute"].eq("divided").astype(int)

numeric = ["carapace_length_mm", "width_ratio", "plastron_ratio", "tail_ratio",
           "anal_gap_ratio", "mass_index", "plastron_concavity_mm", "est_age_years"]
categorical = ["origin", "supracaudal_split"]

X = df[numeric + categorical]
y = (df["confirmed_sex"] == "F").astype(int)
print(f"{len(df)} measurements of {df['tortoise_id'].nunique()} tortoises, "
      f"{y.mean():.1%} female rows")

prep = ColumnTransformer([
    ("num", SimpleImputer(strategy="median"), numeric),
    ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
])
clf = Pipeline([
    ("prep", prep),
    ("gbm", HistGradientBoostingClassifier(max_depth=4, learning_rate=0.05,
                                           max_iter=300, l2_regularization=1.0,
                                           random_state=11)),
])

cv = GroupKFold(n_splits=5)
scores = cross_validate(clf, X, y, cv=cv, groups=df["tortoise_id"],
                        scoring=["roc_auc", "balanced_accuracy", "neg_log_loss"])

summary = pd.DataFrame({k.replace("test_", ""): v for k, v in scores.items() if k.startswith("test_")})
print(summary.round(3))
print(summary.agg(["mean", "std"]).round(3))

# refit on every confirmed animal for the intake sheet
clf.fit(X, y)
joblib.dump({"model": clf, "numeric": numeric, "categorical": categorical},
            "models/tortoise_sexing_hgb.joblib")
