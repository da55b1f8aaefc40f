# label: leakage/none
# Bus shelter glazing damage: which shelters will need a glass panel replaced
# next year? One row per shelter, features from the 2022 asset survey and
# neighbourhood data, label = any glass replacement work order in 2023.
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split

BASE = ["panel_count", "shelter_age_years", "has_advert_panel", "has_realtime_display",
        "boardings_per_day", "distance_to_school_m"]
NIGHTLIFE = ["licensed_premises_400m", "late_bus_services", "takeaways_400m"]
LIGHTING = ["streetlight_lux", "cctv_within_50m", "lamp_outages_2022"]
HISTORY = ["glass_jobs_2020", "glass_jobs_2021", "glass_jobs_2022", "graffiti_jobs_2022"]

FEATURE_SETS = {
    "base": BASE,
    "base+nightlife": BASE + NIGHTLIFE,
    "base+lighting": BASE + LIGHTING,
    "base+history": BASE + HISTORY,
    "all": BASE + NIGHTLIFE + LIGHTING + HISTORY,
}


def load_shelters():
    shelters = pd.read_csv("shelter_assets_2022.csv")
    area = pd.read_csv("lsoa_context.csv")
    jobs = pd.read_csv("glass_work_orders_2023.csv")
    df = shelters.merge(area, on="lsoa_code", how="left")
    hit = jobs.groupby("shelter_id").size().rename("jobs_2023")
    df = df.merge(hit, on="shelter_id", how="left")
    df["glass_replaced_2023"] = (df["jobs_2023"].fillna(0) > 0).astype(int)
    df["has_advert_panel"] = df["has_advert_panel"].astype(int)
    df["has_realtime_display"] = df["has_realtime_display"].astype(int)
    return df


def make_forest():
    return RandomForestClassifier(
        n_estimators=500, min_samples_leaf=5, class_weight="balanced_subsample",
        n_jobs=-1, random_state=11,
    )


df = load_shelters()
y = df["glass_replaced_2023"]
all_cols = sorted(set(c for cols in FEATURE_SETS.values() for c in cols))
X = df[all_cols].fillna(0)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=11
)

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=11)
results = {}
for name, cols in FEATURE_SETS.items():
    scores = cross_val_score(make_forest(), X_train[cols], y_train, cv=cv, scoring="average_precision")
    results[name] = scores.mean()
    print(f"{name:>16}: AP {results[name]:.3f}")

best_name = max(results, key=results.get)
cols = FEATURE_SETS[best_name]
forest = make_forest().fit(X_train[cols], y_train)
proba = forest.predict_proba(X_test[cols])[:, 1]

print(f"\nselected feature set: {best_name}")
print(f"test average precision: {average_precision_score(y_test, proba):.3f}")
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")

ranking = pd.Series(forest.feature_importances_, index=cols).sort_values(ascending=False)
print(ranking.head(10).to_string())
