# label: leakage/none
# In-vitro SPF of sunscreen prototypes from filter loadings and base composition.
# Each prototype is read on several roughened PMMA plates.
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

FILTERS = ["zinc_oxide_pct", "titanium_dioxide_pct", "avobenzone_pct", "octocrylene_pct",
           "homosalate_pct", "bemotrizinol_pct", "ethylhexyl_triazone_pct"]
BASE = ["oil_phase_pct", "emulsifier_hlb", "film_former_pct", "viscosity_cps", "ph",
        "particle_d50_nm"]
PLATE = ["application_mg_cm2", "plate_roughness_um", "spread_time_s", "dry_time_min"]


class SpfModel:
    def __init__(self, **params):
        defaults = dict(n_estimators=600, max_depth=5, learning_rate=0.04,
                        subsample=0.85, colsample_bytree=0.8, min_child_weight=3,
                        reg_lambda=2.0, tree_method="hist", random_state=3)
        defaults.update(params)
        self.model = xgb.XGBRegressor(**defaults)
        self.features = FILTERS + BASE + PLATE + ["total_filter_pct", "organic_ratio"]

    @staticmethod
    def add_features(df):
        df = df.copy()
        df["total_filter_pct"] = df[FILTERS].sum(axis=1)
        inorganic = df["zinc_oxide_pct"] + df["titanium_dioxide_pct"]
        df["organic_ratio"] = 1 - inorganic / df["total_filter_pct"].replace(0, np.nan)
        return df

    def fit(self, df):
        df = self.add_features(df)
        self.model.fit(df[self.features], np.log(df["spf_invitro"]))
        return self

    def predict(self, df):
        df = self.add_features(df)
        return np.exp(self.model.predict(df[self.features]))


plates = pd.read_csv("data/spf_plate_reads.csv")
plates = plates[plates["plate_qc_pass"] == 1]
plates = plates.dropna(subset=["spf_invitro"])
print(plates["formulation_id"].nunique(), "prototypes,", len(plates), "plate reads")

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=42)
train_idx, test_idx = next(splitter.split(plates, groups=plates["formulation_id"]))
train_df, test_df = plates.iloc[train_idx], plates.iloc[test_idx]

spf = SpfModel().fit(train_df)
pred = spf.predict(test_df)

mae = mean_absolute_error(test_df["spf_invitro"], pred)
r2 = r2_score(np.log(test_df["spf_invitro"]), np.log(pred))
within_20pct = np.mean(np.abs(pred / test_df["spf_invitro"] - 1) <= 0.2)
print(f"MAE (SPF units): {mae:.2f}")
print(f"R2 on log SPF:   {r2:.3f}")
print(f"share within +/-20%: {within_20pct:.1%}")

spf_band = pd.cut(test_df["spf_invitro"], [0, 15, 30, 50, np.inf],
                    labels=["<15", "15-30", "30-50", "50+"])
band_err = (pd.DataFrame({"band": spf_band, "abs_err": np.abs(pred - test_df["spf_invitro"])})
            .groupby("band", observed=True)["abs_err"].agg(["count", "mean"]))
print(band_err.round(2))

gain = spf.model.get_booster().get_score(importance_type="gain")
print(pd.Series(gain).sort_values(ascending=False).head(10).round(2))
