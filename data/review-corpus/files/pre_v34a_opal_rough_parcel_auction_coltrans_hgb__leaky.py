# label: leakage/preprocessing
"""Hammer price model for rough opal parcels sold at the Coober Pedy / Lightning Ridge
tender auctions. One row per parcel; price is the winning tender in AUD."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler


class ParcelPriceModel:
    numeric = ["carat_total", "n_stones", "largest_stone_ct", "potch_share", "sand_share"]
    nominal = ["field", "opal_type", "dominant_pattern", "dominant_colour"]
    ordinal = ["body_tone", "brightness"]
    tone_levels = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]
    brightness_levels = ["B5", "B4", "B3", "B2", "B1"]

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.preprocessor = self._build_preprocessor()
        self.regressor = HistGradientBoostingRegressor(
            max_iter=400, learning_rate=0.05, max_depth=6, random_state=seed
        )

    def _build_preprocessor(self) -> ColumnTransformer:
        return ColumnTransformer(
            [
                ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), self.numeric),
                (
                    "nom",
                    make_pipeline(
                        SimpleImputer(strategy="most_frequent"),
                        OneHotEncoder(handle_unknown="ignore", min_frequency=15, sparse_output=False),
                    ),
                    self.nominal,
                ),
                (
                    "ord",
                    make_pipeline(
                        SimpleImputer(strategy="most_frequent"),
                        OrdinalEncoder(categories=[self.tone_levels, self.brightness_levels]),
                    ),
                    self.ordinal,
                ),
            ]
        )

    @staticmethod
    def load(path: str) -> pd.DataFrame:
        lots = pd.read_csv(path)
        lots = lots[lots["status"] == "sold"].copy()
        lots["potch_share"] = lots["potch_ct"] / lots["carat_total"]
        lots["sand_share"] = lots["sandstone_ct"] / lots["carat_total"]
        lots["log_price"] = np.log(lots["hammer_aud"])
        return lots

    def run(self, lots: pd.DataFrame) -> dict:
        X = lots[self.numeric + self.nominal + self.ordinal]
        y = lots["log_price"].to_numpy()

        X_enc = self.preprocessor.fit_transform(X)
        X_train, X_test, y_train, y_test = train_test_split(
            X_enc, y, test_size=0.2, random_state=self.seed
        )

        self.regressor.fit(X_train, y_train)
        pred = self.regressor.predict(X_test)
        return {
            "n_train": len(y_train),
            "n_test": len(y_test),
            "r2_log": r2_score(y_test, pred),
            "mae_aud": mean_absolute_error(np.exp(y_test), np.exp(pred)),
            "median_ape": float(np.median(np.abs(np.exp(pred) / np.exp(y_test) - 1))),
        }


if __name__ == "__main__":
    model = ParcelPriceModel(seed=17)
    parcels = model.load("data/opal_tender_results_2015_2024.csv")
    print(f"{len(parcels)} sold parcels")
    for key, value in model.run(parcels).items():
        print(f"{key:>12}: {value:,.3f}" if isinstance(value, float) else f"{key:>12}: {value}")
