# label: leakage/preprocessing
# twin: pre_v17a_yacht_handicap_coltrans_cv__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Approximate a yacht's measurement-rule handicap (sec/mile) from its certificate data.

One row per boat (latest valid certificate).
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


class HandicapStudy:
    numeric = ["loa_m", "lwl_m", "beam_m", "draft_m", "displacement_kg", "ballast_kg",
               "sail_area_upwind_m2", "sail_area_downwind_m2", "crew_weight_kg", "age_years"]
    categorical = ["keel_type", "rig_type", "hull_material", "spinnaker_type", "builder"]
    target = "gph_sec_per_mile"

    def __init__(self, path, folds=5, seed=13):
        self.path = path
        self.cv = KFold(n_splits=folds, shuffle=True, random_state=seed)

    def load(self):
        boats = pd.read_csv(self.path)
        boats = boats.sort_values("cert_issued").drop_duplicates("sail_number", keep="last")
        boats = boats.dropna(subset=[self.target])
        boats["sa_disp_ratio"] = boats["sail_area_upwind_m2"] / (boats["displacement_kg"] / 1025) ** (2 / 3)
        boats["ballast_ratio"] = boats["ballast_kg"] / boats["displacement_kg"]
        boats["builder"] = boats["builder"].str.upper().str.strip()
        self.numeric = self.numeric + ["sa_disp_ratio", "ballast_ratio"]
        return boats

    def preprocessor(self):
        num = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
        cat = Pipeline([
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=10, sparse_output=False)),
        ])
        return ColumnTransformer([("num", num, self.numeric), ("cat", cat, self.categorical)])

    def run(self):
        boats = self.load()
        X = boats[self.numeric + self.categorical]
        y = boats[self.target].to_numpy()
        print(f"{len(boats)} boats, handicap {y.min():.0f}-{y.max():.0f} s/mile")

        X_prepared = self.preprocessor().fit_transform(X)
        model = HistGradientBoostingRegressor(max_iter=500, learning_rate=0.05,
                                              max_leaf_nodes=31, l2_regularization=1.0,
                                              random_state=13)
        mae = -cross_val_score(model, X_prepared, y, cv=self.cv,
                               scoring="neg_mean_absolute_error")
        rmse = np.sqrt(-cross_val_score(model, X_prepared, y, cv=self.cv,
                                        scoring="neg_mean_squared_error"))
        print("fold MAE:", np.round(mae, 2))
        print(f"CV MAE  {mae.mean():.2f} s/mile (sd {mae.std():.2f})")
        print(f"CV RMSE {rmse.mean():.2f} s/mile")
        return mae.mean()


if __name__ == "__main__":
    HandicapStudy("data/rating_certificates.csv").run()
