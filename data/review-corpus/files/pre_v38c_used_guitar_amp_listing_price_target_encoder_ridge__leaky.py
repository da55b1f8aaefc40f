# label: leakage/preprocessing
"""Price guide for second-hand guitar amplifiers from marketplace sold listings."""
import numpy as np
import pandas as pd
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler, TargetEncoder

HIGH_CARD = ["brand", "model_family", "seller_region", "speaker_model"]
NUMERIC = [
    "watts", "speaker_count", "speaker_size_in", "age_years", "photos",
    "description_words", "seller_feedback", "seller_sales", "has_footswitch",
    "has_flight_case", "is_valve", "is_combo", "collection_only",
]
CONDITION_ORDER = {"for_parts": 0, "fair": 1, "good": 2, "very_good": 3, "mint": 4}


def load_sold(path):
    df = pd.read_csv(path, parse_dates=["sold_at"])
    df = df[(df["sold_price_gbp"] > 20) & (df["sold_price_gbp"] < 8000)]
    df = df.drop_duplicates(subset="listing_id")
    df["age_years"] = (df["sold_at"].dt.year - df["year_made"]).clip(0, 70)
    df["condition_rank"] = df["condition"].map(CONDITION_ORDER).fillna(2)
    for col in ["has_footswitch", "has_flight_case", "is_valve", "is_combo", "collection_only"]:
        df[col] = df[col].astype(int)
    for col in HIGH_CARD:
        df[col] = df[col].fillna("unknown").str.lower().str.strip()
    return df


def build_matrix(df, encoded):
    num = df[NUMERIC + ["condition_rank"]].to_numpy(dtype=float)
    return np.hstack([encoded, num])


def main():
    df = load_sold("data/amp_sold_listings_2021_2024.csv")
    y = np.log(df["sold_price_gbp"].to_numpy())
    print(f"{len(df)} sold listings, {df['model_family'].nunique()} model families")

    encoder = TargetEncoder(target_type="continuous", smooth="auto", cv=5, random_state=4)
    encoded = encoder.fit_transform(df[HIGH_CARD], y)
    X = build_matrix(df, encoded)

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=4)

    model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 25)))
    model.fit(X_train, y_train)
    pred_log = model.predict(X_test)

    price_true = np.exp(y_test)
    price_pred = np.exp(pred_log)
    print(f"R2 (log price): {r2_score(y_test, pred_log):.3f}")
    print(f"MAE:            £{mean_absolute_error(price_true, price_pred):.0f}")
    print(f"median APE:     {np.median(np.abs(price_pred - price_true) / price_true):.1%}")

    names = [f"te_{c}" for c in HIGH_CARD] + NUMERIC + ["condition_rank"]
    coefs = pd.Series(model[-1].coef_, index=names).sort_values(key=np.abs, ascending=False)
    print(coefs.head(10).round(3).to_string())


if __name__ == "__main__":
    main()
