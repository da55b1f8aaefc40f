# label: leakage/none
# Which highway culverts were found blocked after the November storms?
# One row per culvert asset: register attributes, the last routine survey
# before the storms, and catchment descriptors from the GIS team.
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_selection import SelectFromModel
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

assets = pd.read_csv("gis/culvert_register.csv", index_col="asset_id")
survey = pd.read_csv("surveys/routine_survey_last_pre_storm.csv", index_col="asset_id")
catch = pd.read_parquet("gis/upstream_catchment_descriptors.parquet")
outcome = pd.read_csv("storm_response/post_storm_checks_nov23.csv", index_col="asset_id")

df = assets.join(survey, how="inner").join(catch, how="left").join(outcome[["blocked"]], how="inner")
print(df.shape, "blocked share:", round(df["blocked"].mean(), 3))

df["silt_pct"] = df["silt_pct"].fillna(0)
df["years_since_clean"] = (2023 - df["last_clean_year"]).clip(lower=0)
df = df.drop(columns=["last_clean_year"])

y = df.pop("blocked").astype(int).to_numpy()
X = df
# register + survey categoricals
cat_cols = ["barrel_shape", "material", "inlet_type", "headwall", "trash_screen", "road_class", "district"]
num_cols = [c for c in X.columns if c not in cat_cols]
print(len(num_cols), "numeric columns,", len(cat_cols), "categorical")

encode = ColumnTransformer(
    [
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cat_cols),
        ("num", SimpleImputer(strategy="median"), num_cols),
    ],
    verbose_feature_names_out=False,
)

# trim the ~300 columns (lots of catchment land-use shares) with an L1 logit
selector = make_pipeline(
    encode,
    StandardScaler(),
    SelectFromModel(LogisticRegression(penalty="l1", C=0.05, solver="liblinear", class_weight="balanced")),
)

forest = RandomForestClassifier(
    n_estimators=500,
    min_samples_leaf=3,
    max_features="sqrt",
    class_weight="balanced_subsample",
    n_jobs=-1,
    random_state=5,
)
model = make_pipeline(selector, forest)
cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=3, random_state=5)
res = cross_validate(model, X, y, cv=cv, scoring=["roc_auc", "average_precision"])
auc, ap = res["test_roc_auc"], res["test_average_precision"]
print(f"ROC AUC {auc.mean():.3f} ({auc.std():.3f})   AP {ap.mean():.3f} ({ap.std():.3f})")

model.fit(X, y)
cols = model[0][0].get_feature_names_out()
kept = cols[model[0][-1].get_support()]
print(len(kept), "columns kept:", ", ".join(kept[:20]), "...")
imp = pd.Series(model[-1].feature_importances_, index=kept).sort_values(ascending=False)
imp.head(25).to_csv("reports/culvert_blockage_importances.csv")
