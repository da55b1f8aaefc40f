# label: leakage/none
"""Touch-dry cure time for varnish coats applied in the violin workshop.

Each row is one maple or spruce test panel, coated and timed in the varnish room.
"""
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

DATA_PATH = "data/varnish_book_2019_2024.csv"
FEATURES = [
    "coat_number",
    "log_thickness",
    "room_temp_c",
    "room_rh_pct",
    "uv_cabinet_minutes",
    "linseed_ratio",
    "resin_ratio",
    "drier_pct",
    "is_spruce",
    "ground_sealed",
]
DEGREES = (1, 2, 3)
ALPHAS = (0.01, 0.1, 1.0, 10.0, 100.0)


def load_coats(path):
    df = pd.read_csv(path, parse_dates=["applied_at"])
    df = df.dropna(subset=["cure_hours", "film_thickness_um", "room_temp_c", "room_rh_pct"])
    df = df[df["cure_hours"].between(1, 240)]
    df["uv_cabinet_minutes"] = df["uv_cabinet_minutes"].fillna(0)
    df["drier_pct"] = df["drier_pct"].fillna(0)
    df["log_thickness"] = np.log1p(df["film_thickness_um"])
    df["is_spruce"] = (df["panel_wood"].str.lower() == "spruce").astype(int)
    df["ground_sealed"] = df["ground_sealed"].map({"yes": 1, "no": 0}).fillna(0)
    return df


def build_model(degree, alpha):
    return make_pipeline(
        PolynomialFeatures(degree=degree, include_bias=False),
        StandardScaler(),
        Ridge(alpha=alpha),
    )


def main():
    coats = load_coats(DATA_PATH)
    print(f"{len(coats)} coats, median cure {coats['cure_hours'].median():.1f} h")

    X = coats[FEATURES].to_numpy(dtype=float)
    y = np.log(coats["cure_hours"].to_numpy())

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)
    folds = KFold(n_splits=5, shuffle=True, random_state=11)

    rows = []
    for degree in DEGREES:
        for alpha in ALPHAS:
            model = build_model(degree, alpha)
            scores = cross_val_score(
                model, X_train, y_train, cv=folds, scoring="neg_mean_absolute_error"
            )
            rows.append({"degree": degree, "alpha": alpha, "cv_mae_log": -scores.mean()})

    table = pd.DataFrame(rows).sort_values("cv_mae_log").reset_index(drop=True)
    print(table.head(8).to_string(index=False))

    best = table.iloc[0]
    model = build_model(int(best["degree"]), best["alpha"])
    model.fit(X_train, y_train)
    pred_hours = np.exp(model.predict(X_test))
    mae_hours = mean_absolute_error(np.exp(y_test), pred_hours)
    r2_log = r2_score(y_test, np.log(pred_hours))
    print(
        f"\nRidge degree={int(best['degree'])} alpha={best['alpha']}: "
        f"MAE {mae_hours:.2f} h, R2 (log) {r2_log:.3f}"
    )


if __name__ == "__main__":
    main()
