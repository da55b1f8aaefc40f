# label: leakage/preprocessing
"""Polymer dose for centrifuge dewatering from digested-sludge lab characterisation.

Each row is a batch jar-tested by the process lab; the target is the polymer
dose (kg active per tonne dry solids) that reached the cake-solids target.
The lab panel is highly collinear, so it is compressed with PCA before ridge.
"""
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

LAB_PATH = "lab/dewatering_jar_tests.xlsx"

PANEL = [
    "dry_solids_pct",
    "volatile_solids_pct",
    "ph",
    "conductivity_us_cm",
    "alkalinity_mg_l",
    "temperature_c",
    "cst_seconds",
    "d10_um",
    "d50_um",
    "d90_um",
    "zeta_potential_mv",
    "ammonia_mg_l",
    "ortho_p_mg_l",
    "viscosity_mpas",
    "fibre_content_pct",
    "iron_dose_mg_l",
]


def load_lab(path):
    df = pd.read_excel(path, sheet_name="jar_tests")
    df = df[df["test_status"] == "complete"]
    df = df.dropna(subset=PANEL + ["optimal_dose_kg_tds"])
    df["sample_date"] = pd.to_datetime(df["sample_date"])
    df["cst_seconds"] = np.log(df["cst_seconds"])
    df["span"] = (df["d90_um"] - df["d10_um"]) / df["d50_um"]
    return df.sort_values("sample_date").reset_index(drop=True)


def main():
    df = load_lab(LAB_PATH)
    cols = PANEL + ["span"]
    print(f"{len(df)} jar tests {df['sample_date'].min():%Y-%m} to {df['sample_date'].max():%Y-%m}")

    X = df[cols].to_numpy()
    y = df["optimal_dose_kg_tds"].to_numpy()

    scaler = StandardScaler()
    X_std = scaler.fit_transform(X)
    pca = PCA(n_components=0.95, svd_solver="full")
    X_pc = pca.fit_transform(X_std)
    print(f"{pca.n_components_} components explain {pca.explained_variance_ratio_.sum():.1%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X_pc, y, test_size=0.25, shuffle=False
    )

    model = RidgeCV(alphas=np.logspace(-3, 3, 25))
    model.fit(X_train, y_train)
    pred = model.predict(X_test)

    print(f"alpha={model.alpha_:.3g}")
    print(f"Test MAE: {mean_absolute_error(y_test, pred):.2f} kg/tDS")
    print(f"Test R2:  {r2_score(y_test, pred):.3f}")
    print(f"Current dosing table MAE: {mean_absolute_error(y_test, np.full_like(y_test, 9.5)):.2f}")

    loadings = pd.DataFrame(pca.components_[:3].T, index=cols, columns=["PC1", "PC2", "PC3"])
    print(loadings.round(2).sort_values("PC1"))


if __name__ == "__main__":
    main()
