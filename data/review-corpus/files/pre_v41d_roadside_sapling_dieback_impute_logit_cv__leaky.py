# label: leakage/preprocessing
"""Street tree planting programme: which new saplings show crown dieback at the
two-year establishment survey?

Planting records come from the contractor's handover sheets; the outcome is the
arboricultural officer's year-2 survey grade (dieback = grade C or worse).
"""
from dataclasses import dataclass, field

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


@dataclass
class DiebackStudy:
    planting_path: str
    survey_path: str
    numeric: list = field(default_factory=lambda: [
        "girth_cm",
        "height_m",
        "pit_volume_m3",
        "verge_width_m",
        "distance_to_kerb_m",
        "soil_compaction_kpa",
        "soil_ph",
        "salt_exposure_idx",
        "canopy_cover_pct_50m",
    ])
    categorical: list = field(default_factory=lambda: [
        "species",
        "stock_type",
        "nursery",
        "planting_month",
        "tree_guard",
        "ward",
    ])

    def load(self):
        plant = pd.read_csv(self.planting_path)
        survey = pd.read_csv(self.survey_path, usecols=["tree_id", "yr2_grade"])
        df = plant.merge(survey, on="tree_id", how="inner")
        df["dieback"] = df["yr2_grade"].isin(["C", "D", "dead"]).astype(int)
        df["planting_month"] = pd.to_datetime(df["planted_on"]).dt.strftime("%b")
        return df

    def preprocessor(self):
        num = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
        cat = make_pipeline(
            SimpleImputer(strategy="most_frequent"),
            OneHotEncoder(handle_unknown="ignore", min_frequency=10),
        )
        return ColumnTransformer([("num", num, self.numeric), ("cat", cat, self.categorical)])

    def evaluate(self, df):
        X = df[self.numeric + self.categorical]
        y = df["dieback"]
        X_prepared = self.preprocessor().fit_transform(X)
        clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)
        cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=17)
        return cross_validate(
            clf,
            X_prepared,
            y,
            cv=cv,
            scoring=["roc_auc", "average_precision", "balanced_accuracy"],
        )


def main():
    study = DiebackStudy("planting_sheets_2019_2022.csv", "yr2_survey.csv")
    df = study.load()
    print(f"saplings: {len(df)}  dieback rate: {df['dieback'].mean():.1%}")
    print(df.groupby("species")["dieback"].agg(["mean", "size"]).sort_values("mean").tail(8))

    scores = study.evaluate(df)
    for metric in ["roc_auc", "average_precision", "balanced_accuracy"]:
        vals = scores[f"test_{metric}"]
        print(f"{metric:18s} {vals.mean():.3f} +/- {vals.std():.3f}")


if __name__ == "__main__":
    main()
