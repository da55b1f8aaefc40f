# label: leakage/selection
"""First-winter survival of reindeer calves: compare feature groups from the
calf marking, herd and winter-pasture tables."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, brier_score_loss
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA_DIR = "data/reindeer"

FEATURE_GROUPS = {
    "calf": ["birth_weight_kg", "marking_weight_kg", "birth_doy", "sex_male"],
    "dam": ["dam_age", "dam_body_condition", "dam_previous_calves"],
    "herd": ["herd_size", "herders_count", "district"],
    "pasture": ["lichen_cover_pct", "pasture_area_km2", "grazing_pressure_idx"],
    "predation": ["lynx_reports_prev_year", "wolverine_reports_prev_year"],
}
CANDIDATES = [
    ["calf"],
    ["calf", "dam"],
    ["calf", "dam", "herd"],
    ["calf", "dam", "pasture"],
    ["calf", "dam", "herd", "pasture"],
    ["calf", "dam", "herd", "pasture", "predation"],
]


def load_calves():
    calves = pd.read_csv(f"{DATA_DIR}/calf_marking.csv")
    dams = pd.read_csv(f"{DATA_DIR}/dams.csv")
    herds = pd.read_csv(f"{DATA_DIR}/herd_register.csv")
    pasture = pd.read_csv(f"{DATA_DIR}/winter_pasture.csv")
    df = calves.merge(dams, on="dam_id", how="left")
    df = df.merge(herds, on=["herd_id", "season"], how="left")
    df = df.merge(pasture, on=["district", "season"], how="left")
    df["sex_male"] = (df["sex"] == "M").astype(int)
    return df


def make_model(columns):
    cat_cols = [c for c in columns if c == "district"]
    num_cols = [c for c in columns if c not in cat_cols]
    prep = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")),
                          ("scale", StandardScaler())]), num_cols),
        ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
    ])
    return Pipeline([("prep", prep),
                     ("clf", LogisticRegression(C=0.5, max_iter=2000))])


def columns_for(groups):
    cols = []
    for g in groups:
        cols.extend(FEATURE_GROUPS[g])
    return cols


df = load_calves()
y = df["survived_first_winter"].astype(int)
train_df, test_df, y_train, y_test = train_test_split(
    df, y, test_size=0.25, stratify=y, random_state=3
)

results = []
for groups in CANDIDATES:
    cols = columns_for(groups)
    model = make_model(cols)
    model.fit(train_df[cols], y_train)
    auc = roc_auc_score(y_test, model.predict_proba(test_df[cols])[:, 1])
    results.append({"groups": "+".join(groups), "auc": auc, "cols": cols})
    print(f"{'+'.join(groups):40s} AUC={auc:.4f}")

best = max(results, key=lambda r: r["auc"])
print("selected feature set:", best["groups"])

final = make_model(best["cols"])
final.fit(train_df[best["cols"]], y_train)
proba = final.predict_proba(test_df[best["cols"]])[:, 1]
print(f"test AUC:   {roc_auc_score(y_test, proba):.4f}")
print(f"test Brier: {brier_score_loss(y_test, proba):.4f}")

coefs = final.named_steps["clf"].coef_.ravel()
names = final.named_steps["prep"].get_feature_names_out()
print(pd.Series(coefs, index=names).sort_values().round(3))
