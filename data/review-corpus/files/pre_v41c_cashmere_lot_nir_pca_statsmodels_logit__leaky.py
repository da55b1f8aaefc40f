# label: leakage/preprocessing
"""Screening cashmere lots for blending with yak or fine sheep wool from NIR spectra.

Each fibre sample is scanned three times on the benchtop NIR (1100-2500 nm); the lab
reference (SEM scale-pattern count) says whether the sample is pure cashmere.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.signal import savgol_filter
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

N_COMPONENTS = 8


def snv(spectra):
    mu = spectra.mean(axis=1, keepdims=True)
    sd = spectra.std(axis=1, keepdims=True)
    return (spectra - mu) / sd


def load_spectra(scan_path, ref_path):
    scans = pd.read_parquet(scan_path)  # sample_id, replicate, then one column per wavelength
    refs = pd.read_csv(ref_path)  # sample_id, blended (0/1), supplier, dehairing_line
    wl_cols = [c for c in scans.columns if c.startswith("nm_")]
    mean_scan = scans.groupby("sample_id")[wl_cols].mean()
    refs = refs.set_index("sample_id").loc[mean_scan.index]
    return mean_scan.to_numpy(dtype=float), refs, np.array([float(c[3:]) for c in wl_cols])


def pretreat(spectra):
    # standard normal variate, then Savitzky-Golay first derivative
    return savgol_filter(snv(spectra), window_length=15, polyorder=2, deriv=1, axis=1)


def main():
    spectra, refs, wavelengths = load_spectra("nir/fibre_scans.parquet", "nir/sem_reference.csv")
    keep = (wavelengths >= 1150) & (wavelengths <= 2450)
    X_spec = pretreat(spectra[:, keep])
    y = refs["blended"].to_numpy()
    print(f"{len(y)} samples, {y.mean():.1%} blended")

    pca = PCA(n_components=N_COMPONENTS)
    scores = pca.fit_transform(X_spec)
    print("explained variance:", np.round(pca.explained_variance_ratio_, 3))

    idx = np.arange(len(y))
    train_idx, test_idx = train_test_split(idx, test_size=0.3, stratify=y, random_state=17)
    S_train, S_test = scores[train_idx], scores[test_idx]
    y_train, y_test = y[train_idx], y[test_idx]

    cols = [f"PC{i + 1}" for i in range(N_COMPONENTS)]
    exog_train = sm.add_constant(pd.DataFrame(S_train, columns=cols))
    exog_test = sm.add_constant(pd.DataFrame(S_test, columns=cols), has_constant="add")

    fit = sm.Logit(y_train, exog_train).fit(disp=False)
    print(fit.summary2().tables[1][["Coef.", "P>|z|"]].round(4))

    p_test = fit.predict(exog_test)
    print(f"test ROC AUC: {roc_auc_score(y_test, p_test):.3f}")
    print(classification_report(y_test, (p_test >= 0.5).astype(int),
                                target_names=["pure", "blended"], digits=3))


if __name__ == "__main__":
    main()
