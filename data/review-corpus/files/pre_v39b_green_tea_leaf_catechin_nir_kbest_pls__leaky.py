# label: leakage/preprocessing
"""Total catechin content of green tea leaf from benchtop NIR spectra.

Reference values by HPLC (% dry weight). Spectra 1000-2500 nm at 2 nm steps,
one averaged spectrum per leaf sample.
"""
import numpy as np
import pandas as pd
from scipy.signal import savgol_filter
from sklearn.cross_decomposition import PLSRegression
from sklearn.feature_selection import SelectKBest, f_regression
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, KFold, train_test_split

N_WAVELENGTHS = 150


def snv(spectra):
    mean = spectra.mean(axis=1, keepdims=True)
    std = spectra.std(axis=1, keepdims=True)
    return (spectra - mean) / std


def load(path_spectra, path_ref):
    spectra = pd.read_csv(path_spectra, index_col="sample_id")
    ref = pd.read_csv(path_ref, index_col="sample_id")
    ref = ref[ref["catechins_pct_dw"].between(5, 30)]
    spectra = spectra.loc[ref.index]
    wavelengths = spectra.columns.astype(float).to_numpy()
    return spectra.to_numpy(dtype=float), ref["catechins_pct_dw"].to_numpy(), wavelengths


def main():
    raw, y, wavelengths = load("tea_nir_spectra.csv", "tea_hplc_reference.csv")
    X = savgol_filter(snv(raw), window_length=15, polyorder=2, deriv=1, axis=1)

    selector = SelectKBest(f_regression, k=N_WAVELENGTHS)
    X_sel = selector.fit_transform(X, y)

    X_train, X_test, y_train, y_test = train_test_split(
        X_sel, y, test_size=0.25, random_state=8)

    search = GridSearchCV(
        PLSRegression(scale=False),
        {"n_components": list(range(2, 16))},
        cv=KFold(n_splits=5, shuffle=True, random_state=8),
        scoring="neg_root_mean_squared_error",
    )
    search.fit(X_train, y_train)
    best = search.best_estimator_
    print(f"latent variables: {search.best_params_['n_components']}")
    print(f"CV RMSE: {-search.best_score_:.3f}")

    pred = best.predict(X_test).ravel()
    rmsep = mean_squared_error(y_test, pred) ** 0.5
    rpd = np.std(y_test, ddof=1) / rmsep
    bias = np.mean(pred - y_test)
    print(f"RMSEP {rmsep:.3f} % dw | R2 {r2_score(y_test, pred):.3f} | RPD {rpd:.2f} | bias {bias:+.3f}")

    kept = wavelengths[selector.get_support()]
    print(f"selected bands: {kept.min():.0f}-{kept.max():.0f} nm, {len(kept)} wavelengths")
    regions = pd.cut(kept, bins=[1000, 1300, 1600, 1900, 2200, 2500]).value_counts().sort_index()
    print(regions)


if __name__ == "__main__":
    main()
