# label: leakage/none
# Brewery moromi tank logs joined with the tasting panel outcome.
# Flag tanks whose pressed sauce will be rejected for off-flavour.
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 42

tanks = pd.read_csv("brewhouse/moromi_tank_batches_2018_2024.csv", parse_dates=["filled_at"])
panel = pd.read_csv("brewhouse/tasting_panel_results.csv")
df = tanks.merge(panel[["batch_id", "off_flavour"]], on="batch_id", how="inner")

# derived measurements from the weekly tank checks
df["salt_to_koji_ratio"] = df["brine_salt_kg"] / df["koji_mass_kg"]
df["temp_range_wk1_c"] = df["temp_max_wk1_c"] - df["temp_min_wk1_c"]
df["ph_drop_wk4"] = df["ph_day0"] - df["ph_wk4"]
df["stir_interval_days"] = df["days_in_tank_at_check"] / (df["stir_count"] + 1)
df["fill_month"] = df["filled_at"].dt.month

features = [
    "koji_mass_kg", "koji_moisture_pct", "koji_spore_count_log", "brine_salinity_pct",
    "salt_to_koji_ratio", "wheat_ratio", "soy_protein_pct", "temp_max_wk1_c",
    "temp_range_wk1_c", "ph_day0", "ph_wk4", "ph_drop_wk4", "stir_count",
    "stir_interval_days", "aeration_minutes", "ambient_rh_pct", "fill_month", "tank_volume_kl",
]
df = df.dropna(subset=features + ["off_flavour"])
X = df[features].to_numpy()
y = df["off_flavour"].astype(int).to_numpy()
print(f"{len(df)} batches, off-flavour rate {y.mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=SEED
)
X_train, y_train = SMOTE(k_neighbors=5, random_state=SEED).fit_resample(X_train, y_train)

forest = RandomForestClassifier(
    n_estimators=600,
    min_samples_leaf=2,
    max_features="sqrt",
    n_jobs=-1,
    random_state=SEED,
)
forest.fit(X_train, y_train)

proba = forest.predict_proba(X_test)[:, 1]
pred = forest.predict(X_test)
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC : {average_precision_score(y_test, proba):.3f}")
print(classification_report(y_test, pred, target_names=["pass", "off-flavour"], digits=3))

importances = pd.Series(forest.feature_importances_, index=features).sort_values(ascending=False)
print("Most influential tank measurements:")
print(importances.head(10).round(4).to_string())
