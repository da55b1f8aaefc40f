# label: leakage/none
"""Alpha-acid content of baled hop cones from NIR spectra (1100-2500 nm).

Each sample is one bale lot from the merchant's intake store: three packed-cup
scans averaged, reference alpha acids by conductometric titration (EBC 7.4).
"""
import numpy as np
from scipy.signal import savgol_filter
from sklearn.decomposition import PCA
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

RNG = 5


def snv(spectra):
    mean = spectra.mean(axis=1, keepdims=True)
    std = spectra.std(axis=1, keepdims=True)
    return (spectra - mean) / std


def load(path="data/hop_intake_nir_2020_2023.npz"):
    arch = np.load(path, allow_pickle=True)
    wavelengths = arch["wavelengths"]
    spectra = arch["absorbance"]
    alpha = arch["alpha_acid_pct"]
    variety = arch["variety"]
    ok = np.isfinite(alpha) & (arch["scan_flag"] == 0)
    return wavelengths, spectra[ok], alpha[ok], variety[ok]


def pretreat(wavelengths, spectra):
    x = snv(spectra)
    x = savgol_filter(x, window_length=15, polyorder=2, deriv=1, axis=1)
    # trim noisy detector ends and the water band around 1940 nm
    keep = (wavelengths > 1150) & (wavelengths < 2450) & ~((wavelengths > 1900) & (wavelengths < 1980))
    return x[:, keep]


def main():
    wavelengths, spectra, alpha, variety = load()
    X = pretreat(wavelengths, spectra)
    print(f"{X.shape[0]} lots, {X.shape[1]} wavelengths, {len(set(variety))} varieties")
    print(f"alpha acids {alpha.min():.1f}-{alpha.max():.1f} %")

    X_train, X_test, y_train, y_test = train_test_split(
        X, alpha, test_size=0.25, random_state=RNG
    )

    model = make_pipeline(StandardScaler(), PCA(n_components=20, random_state=RNG), SVR(kernel="rbf"))
    grid = {
        "svr__C": [1, 3, 10, 30, 100],
        "svr__gamma": ["scale", 0.01, 0.03, 0.1],
        "svr__epsilon": [0.05, 0.1, 0.2],
    }
    search = GridSearchCV(
        model, grid,
        cv=KFold(n_splits=5, shuffle=True, random_state=RNG),
        scoring="neg_root_mean_squared_error", n_jobs=-1,
    )
    search.fit(X_train, y_train)
    print("best params:", search.best_params_)
    print(f"CV RMSE: {-search.best_score_:.3f}")
    explained = search.best_estimator_["pca"].explained_variance_ratio_.cumsum()[-1]
    print(f"20 components explain {explained:.1%} of spectral variance")

    pred = search.predict(X_test)
    rmsep = mean_squared_error(y_test, pred) ** 0.5
    rpd = np.std(y_test, ddof=1) / rmsep
    print(f"RMSEP: {rmsep:.3f} % alpha  R2: {r2_score(y_test, pred):.3f}  RPD: {rpd:.2f}")

    bias = np.mean(pred - y_test)
    print(f"bias: {bias:+.3f}")


if __name__ == "__main__":
    main()
