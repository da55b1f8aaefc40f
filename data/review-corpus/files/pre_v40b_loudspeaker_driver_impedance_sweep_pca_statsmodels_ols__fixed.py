# label: leakage/none
"""Predict woofer sensitivity (dB SPL @ 1 W / 1 m) from the incoming-inspection
impedance sweep, so the anechoic measurement can be skipped for most units."""
import argparse

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split

N_COMPONENTS = 6
TARGET = "spl_1w1m_db"


def load(sweep_path, meta_path):
    sweeps = np.load(sweep_path)  # freq_hz (F,), z_ohm (N, F), serial (N,)
    freq, z, serial = sweeps["freq_hz"], sweeps["z_ohm"], sweeps["serial"]
    meta = pd.read_csv(meta_path).set_index("serial").reindex(serial).reset_index()
    return freq, z, meta


def per_unit_features(freq, z):
    low = (freq >= 15) & (freq <= 300)
    fs_hz = freq[low][np.argmax(z[:, low], axis=1)]
    re_ohm = z[:, freq < 8].mean(axis=1)
    z_max = z[:, low].max(axis=1)
    return pd.DataFrame({"fs_hz": fs_hz, "re_ohm": re_ohm, "z_ratio": z_max / re_ohm})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweeps", default="inspection/impedance_sweeps.npz")
    ap.add_argument("--meta", default="inspection/anechoic_results.csv")
    args = ap.parse_args()

    freq, z, meta = load(args.sweeps, args.meta)
    keep = meta[TARGET].notna().to_numpy() & np.isfinite(z).all(axis=1)
    z, meta = z[keep], meta[keep].reset_index(drop=True)

    band = (freq >= 15) & (freq <= 2000)
    logz = np.log(z[:, band])

    idx = np.arange(len(meta))
    tr, te = train_test_split(idx, test_size=0.25, random_state=8, stratify=meta["cone_material"])

    pca = PCA(n_components=N_COMPONENTS).fit(logz[tr])
    scores = pca.transform(logz)
    print("explained variance:", np.round(pca.explained_variance_ratio_, 3))

    X = pd.DataFrame(scores, columns=[f"pc{i + 1}" for i in range(N_COMPONENTS)])
    X = X.join(per_unit_features(freq, z))
    X["cone_diameter_mm"] = meta["cone_diameter_mm"]
    X["magnet_mass_g"] = meta["magnet_mass_g"]
    X = sm.add_constant(X)
    y = meta[TARGET]

    ols = sm.OLS(y.iloc[tr], X.iloc[tr]).fit(cov_type="HC3")
    print(ols.summary())

    pred = ols.predict(X.iloc[te])
    resid = y.iloc[te] - pred
    print(f"test RMSE: {np.sqrt(np.mean(resid ** 2)):.3f} dB")
    print(f"test MAE : {np.mean(np.abs(resid)):.3f} dB")
    print(f"share within +/-0.5 dB: {(resid.abs() <= 0.5).mean():.1%}")
    print(resid.groupby(meta["cone_material"].iloc[te]).agg(["count", "mean", "std"]).round(3))


if __name__ == "__main__":
    main()
