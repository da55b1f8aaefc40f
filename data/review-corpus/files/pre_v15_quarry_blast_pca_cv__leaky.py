# label: leakage/preprocessing
# twin: pre_v15_quarry_blast_pca_cv__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Peak particle velocity (PPV) model for quarry blasts: imputation + PCA + SVR, 10-fold CV."""
import joblib
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

BLAST_LOG = "data/quarry/blast_records.csv"
FEATURES = ["max_charge_per_delay_kg", "total_charge_kg", "distance_to_monitor_m",
            "burden_m", "spacing_m", "stemming_m", "hole_depth_m", "hole_diameter_mm",
            "n_holes", "delay_ms", "rock_density_t_m3", "powder_factor_kg_m3"]
TARGET = "ppv_mm_s"
PPV_LIMIT = 12.5


def engineer(df):
    out = df.copy()
    out["scaled_distance"] = out["distance_to_monitor_m"] / np.sqrt(out["max_charge_per_delay_kg"])
    out["log_charge"] = np.log1p(out["total_charge_kg"])
    return out


def load_blasts(path):
    df = pd.read_csv(path, parse_dates=["fired_at"])
    # one record per blast, nearest compliance monitor
    df = df.sort_values("distance_to_monitor_m").drop_duplicates("blast_id")
    return engineer(df[df[TARGET] > 0])


def main():
    blasts = load_blasts(BLAST_LOG)
    features = FEATURES + ["scaled_distance", "log_charge"]
    X = blasts[features].to_numpy()
    y = np.log(blasts[TARGET].to_numpy())
    print(f"{len(blasts)} blasts, {np.mean(blasts[TARGET] > PPV_LIMIT):.1%} above {PPV_LIMIT} mm/s")

    prep = make_pipeline(
        SimpleImputer(strategy="median"),
        StandardScaler(),
        PCA(n_components=0.95, svd_solver="full"),
    )
    X_model = prep.fit_transform(X)
    print(f"PCA kept {X_model.shape[1]} components")
    svr = SVR(C=10.0, epsilon=0.05, gamma="scale")

    cv = KFold(n_splits=10, shuffle=True, random_state=2)
    rmse = -cross_val_score(svr, X_model, y, cv=cv, scoring="neg_root_mean_squared_error")
    print(f"log-PPV RMSE: {rmse.mean():.3f} +/- {rmse.std():.3f}")
    print(f"typical multiplicative error: x{np.exp(rmse.mean()):.2f}")

    final = make_pipeline(prep, svr).fit(X, y)
    joblib.dump({"model": final, "features": features}, "models/ppv_svr.joblib")


if __name__ == "__main__":
    main()
