# label: leakage/overlap
# Refurbishment intake: flag second-life EV battery packs that will be rejected
# at the full capacity test, so they can skip the 14-hour cycling bench.
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report, confusion_matrix
from sklearn.model_selection import train_test_split

packs = pd.read_csv("intake/pack_intake_measurements.csv", parse_dates=["received_on"])
packs = packs.drop_duplicates("pack_serial", keep="first")
packs = packs[packs["nominal_kwh"].between(15, 110)]

# quick-look measurements taken on arrival plus what the BMS log tells us
packs["age_years"] = (packs["received_on"] - pd.to_datetime(packs["manufactured_on"])).dt.days / 365.25
packs["ocv_per_cell_mv"] = packs["open_circuit_v"] / packs["cells_in_series"] * 1000
packs["cell_spread_mv"] = packs["cell_v_max_mv"] - packs["cell_v_min_mv"]
packs["bms_soh_gap"] = packs["nominal_kwh"] * packs["bms_soh_pct"] / 100 - packs["nominal_kwh"]
packs["fast_charge_share"] = packs["dc_fast_sessions"] / packs["total_charge_sessions"].clip(lower=1)

NUMERIC = [
    "age_years", "odometer_km", "nominal_kwh", "bms_soh_pct", "bms_soh_gap",
    "ocv_per_cell_mv", "cell_spread_mv", "pulse_resistance_mohm",
    "insulation_resistance_mohm", "max_logged_temp_c", "fast_charge_share",
    "deep_discharge_events",
]
packs = packs.dropna(subset=NUMERIC)
chemistry = pd.get_dummies(packs["chemistry"], prefix="chem", dtype=float)
X = pd.concat([packs[NUMERIC], chemistry], axis=1)
y = packs["rejected_at_capacity_test"].astype(int)
print(f"{len(packs)} packs, reject rate {y.mean():.2%}")

X_bal, y_bal = SMOTE(k_neighbors=5, random_state=4).fit_resample(X, y)

X_train, X_test, y_train, y_test = train_test_split(
    X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=4
)

clf = HistGradientBoostingClassifier(
    learning_rate=0.05, max_iter=400, max_leaf_nodes=31,
    l2_regularization=1.0, random_state=4,
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(classification_report(y_test, pred, target_names=["pass", "reject"], digits=3))
print(confusion_matrix(y_test, pred))
print(f"average precision: {average_precision_score(y_test, proba):.3f}")

bench_hours_saved = 14 * pred.sum()
print(f"bench hours saved on this sample: {bench_hours_saved:,}")
print(f"predicted rejects that would have passed: {int(((pred == 1) & (y_test == 0)).sum())}")
