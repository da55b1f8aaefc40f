# label: leakage/none
"""Saffron grading from UV-Vis/NIR reflectance spectra (ISO 3632 category I / II / III)."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from scipy.signal import savgol_filter
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score, balanced_accuracy_score, confusion_matrix, classification_report

SPECTRA_CSV = "data/saffron_spectra.csv"    # sample_id, lot_id, iso_grade, w400 ... w2498
N_COMPONENTS = 12
GRADES = ["I", "II", "III"]


def load_spectra(path):
    table = pd.read_csv(path)
    table = table[table["iso_grade"].isin(GRADES)]
    # keep a single scan per lot
    table = table.drop_duplicates(subset="lot_id").reset_index(drop=True)
    wl_cols = [c for c in table.columns if c.startswith("w")]
    wavelengths = np.array([int(c[1:]) for c in wl_cols])
    return table[wl_cols].to_numpy(float), table["iso_grade"].to_numpy(), wavelengths


def snv(spectra):
    centred = spectra - spectra.mean(axis=1, keepdims=True)
    return centred / spectra.std(axis=1, keepdims=True)


def first_derivative(spectra, window=15, poly=2):
    return savgol_filter(spectra, window_length=window, polyorder=poly, deriv=1, axis=1)


def pretreat(spectra):
    return first_derivative(snv(spectra))


raw, grade, wl = load_spectra(SPECTRA_CSV)
print(raw.shape, pd.Series(grade).value_counts().to_dict())

X = pretreat(raw)
X_train, X_test, y_train, y_test = train_test_split(
    X, grade, test_size=0.3, stratify=grade, random_state=2)

pca = PCA(n_components=N_COMPONENTS, random_state=2)
pca.fit(X_train)
T_train = pca.transform(X_train)
T_test = pca.transform(X_test)
print("explained variance:", pca.explained_variance_ratio_.cumsum()[-1].round(3))

clf = LogisticRegression(C=2.0, max_iter=2000)
clf.fit(T_train, y_train)
pred = clf.predict(T_test)

print("accuracy         :", round(accuracy_score(y_test, pred), 3))
print("balanced accuracy:", round(balanced_accuracy_score(y_test, pred), 3))
print(confusion_matrix(y_test, pred, labels=GRADES))
print(classification_report(y_test, pred, labels=GRADES, digits=3))

fig, axes = plt.subplots(1, 2, figsize=(10, 4))
for g in GRADES:
    sel = y_train == g
    axes[0].scatter(T_train[sel, 0], T_train[sel, 1], s=12, label=f"grade {g}")
axes[0].set_xlabel("PC1"); axes[0].set_ylabel("PC2"); axes[0].legend()
axes[1].plot(wl, pca.components_[0], label="PC1 loading")
axes[1].plot(wl, pca.components_[1], label="PC2 loading")
axes[1].set_xlabel("wavelength (nm)"); axes[1].legend()
fig.tight_layout()
fig.savefig("saffron_pca.png", dpi=120)
