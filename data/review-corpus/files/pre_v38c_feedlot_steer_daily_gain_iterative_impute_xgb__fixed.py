# label: leakage/none
"""Average daily gain (ADG) of feedlot steers from induction records.

Induction data: weights, frame score, blood panel (not run for every lot),
backgrounding history. ADG is measured over the full feeding period.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer
from sklearn.linear_model import BayesianRidge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

BREEDS = ["angus", "hereford", "charolais", "limousin", "simmental", "crossbred"]
SOURCES = ["sale_barn", "direct_ranch", "backgrounder"]

INDUCTION_NUMERIC = [
    "induction_weight_kg", "age_days", "frame_score", "body_condition",
    "hip_height_cm", "rectal_temp_c", "haptoglobin_mg_dl", "nefa_mmol_l",
    "bhb_mmol_l", "albumin_g_dl", "transit_hours", "shrink_pct",
    "backgrounding_days",
]
FLAGS = ["implanted", "bvd_vaccinated", "mh_vaccinated", "weaned_45d"]


def load_induction(path):
    df = pd.read_csv(path, parse_dates=["induction_date"])
    df = df[(df["days_on_feed"] >= 90) & df["adg_kg"].notna()]
    df["induction_month"] = df["induction_date"].dt.month
    df["breed"] = pd.Categorical(df["breed"].str.lower(), categories=BREEDS).codes
    df["source"] = pd.Categorical(df["source"], categories=SOURCES).codes
    for col in FLAGS:
        df[col] = df[col].fillna(0).astype(int)
    return df.reset_index(drop=True)


def main():
    df = load_induction("data/feedlot_induction_2020_2024.csv")
    print(f"{len(df)} steers; blood panel missing for {df['haptoglobin_mg_dl'].isna().mean():.0%}")

    features = INDUCTION_NUMERIC + FLAGS + ["breed", "source", "induction_month"]
    X = df[features].copy()
    y = df["adg_kg"].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=5)

    imputer = IterativeImputer(estimator=BayesianRidge(), max_iter=15, random_state=5)
    X_train[INDUCTION_NUMERIC] = imputer.fit_transform(X_train[INDUCTION_NUMERIC])
    X_test[INDUCTION_NUMERIC] = imputer.transform(X_test[INDUCTION_NUMERIC])

    model = xgb.XGBRegressor(
        n_estimators=600,
        learning_rate=0.03,
        max_depth=4,
        min_child_weight=5,
        subsample=0.8,
        colsample_bytree=0.7,
        reg_lambda=2.0,
        objective="reg:squarederror",
        random_state=5,
    )
    model.fit(X_train, y_train)
    pred = model.predict(X_test)

    print(f"R2   {r2_score(y_test, pred):.3f}")
    print(f"MAE  {mean_absolute_error(y_test, pred):.3f} kg/day")
    within = np.mean(np.abs(pred - y_test) <= 0.15)
    print(f"within ±0.15 kg/day: {within:.1%}")

    imp = pd.Series(model.feature_importances_, index=features).sort_values(ascending=False)
    print(imp.head(10).round(3).to_string())


if __name__ == "__main__":
    main()
