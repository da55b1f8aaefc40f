# label: leakage/preprocessing
# twin: pre_v16_elevator_spectrum_pca__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.decomposition import PCA
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SPECTRUM_PATH = "data/elevator_vibration_spectra.npy"
META_PATH = "data/elevator_inspections.csv"
N_COMPONENTS = 16
META_FEATURES = ["age_years", "trips_per_day", "rated_load_kg", "car_speed_ms"]


class SpectrumReducer:
    """Log-scales 256-bin vibration spectra and projects them onto principal components."""

    def __init__(self, n_components):
        self.pca = PCA(n_components=n_components, whiten=True, random_state=0)

    def fit(self, spectra):
        self.pca.fit(np.log1p(spectra))
        return self

    def transform(self, spectra):
        comps = self.pca.transform(np.log1p(spectra))
        return pd.DataFrame(comps, columns=[f"pc{i}" for i in range(comps.shape[1])])


def assemble(meta, pcs):
    return pd.concat([meta[META_FEATURES].reset_index(drop=True), pcs.reset_index(drop=True)], axis=1)


def main():
    spectra = np.load(SPECTRUM_PATH)
    meta = pd.read_csv(META_PATH)
    assert len(meta) == len(spectra)
    y = meta["door_or_drive_fault"].astype(int).to_numpy()

    reducer = SpectrumReducer(N_COMPONENTS).fit(spectra)
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=8)
    tr, te = next(splitter.split(meta, groups=meta["elevator_id"]))

    X_tr = assemble(meta.iloc[tr], reducer.transform(spectra[tr]))
    X_te = assemble(meta.iloc[te], reducer.transform(spectra[te]))
    print("explained variance:", reducer.pca.explained_variance_ratio_.sum().round(3))

    model = CatBoostClassifier(iterations=800, depth=6, learning_rate=0.05, verbose=0,
                               auto_class_weights="Balanced", random_seed=8)
    model.fit(X_tr, y[tr])
    proba = model.predict_proba(X_te)[:, 1]
    print(f"test AUC: {roc_auc_score(y[te], proba):.4f}")
    print(f"test F1:  {f1_score(y[te], proba >= 0.5):.4f}")


if __name__ == "__main__":
    main()
