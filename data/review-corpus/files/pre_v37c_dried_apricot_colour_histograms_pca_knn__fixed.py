# label: leakage/none
"""Grade dried apricot lots from the intake light-box photo.

Every incoming lot is sampled (about 1 kg spread on the white tray) and photographed
under the D65 light box. The grader assigns Extra / Choice / Standard / Sub-standard,
mostly on colour (browning, sulphite bleaching) and surface sugar bloom.
"""
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image
from sklearn.decomposition import PCA
from sklearn.metrics import accuracy_score, cohen_kappa_score, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier

PHOTO_DIR = Path("intake/lightbox")
GRADES = ["extra", "choice", "standard", "substandard"]
H_BINS, S_BINS, V_BINS = 18, 8, 8


def tray_mask(hsv):
    # the tray is white: low saturation, high value
    s, v = hsv[..., 1], hsv[..., 2]
    return ~((s < 30) & (v > 200))


def hsv_histogram(path):
    img = Image.open(path).convert("RGB").resize((640, 480))
    hsv = np.asarray(img.convert("HSV"), dtype=np.uint8)
    fruit = hsv[tray_mask(hsv)]
    hist, _ = np.histogramdd(
        fruit.astype(float),
        bins=(H_BINS, S_BINS, V_BINS),
        range=((0, 256), (0, 256), (0, 256)),
    )
    hist = hist.ravel()
    hist = hist / max(hist.sum(), 1.0)
    # coverage tells us how full the tray was
    coverage = fruit.shape[0] / (hsv.shape[0] * hsv.shape[1])
    return np.sqrt(hist), coverage


def load_lots():
    lots = pd.read_csv("intake/lot_register.csv")
    lots = lots[lots["grade"].isin(GRADES)]
    lots = lots[lots["photo_file"].map(lambda f: (PHOTO_DIR / f).exists())]
    feats = [hsv_histogram(PHOTO_DIR / f) for f in lots["photo_file"]]
    H = np.stack([h for h, _ in feats])
    cover = np.array([c for _, c in feats])
    y = lots["grade"].map({g: i for i, g in enumerate(GRADES)}).to_numpy()
    return lots, H[cover > 0.25], y[cover > 0.25]


def main():
    lots, H, y = load_lots()
    print(f"{len(y)} lots with usable photos; histogram dim {H.shape[1]}")
    print(pd.Series(y).map(dict(enumerate(GRADES))).value_counts())

    H_train, H_test, y_train, y_test = train_test_split(
        H, y, test_size=0.25, stratify=y, random_state=5
    )

    pca = PCA(n_components=16, whiten=True, random_state=0)
    Z_train = pca.fit_transform(H_train)
    Z_test = pca.transform(H_test)
    print(f"variance kept by 16 components: {pca.explained_variance_ratio_.sum():.1%}")

    knn = KNeighborsClassifier(n_neighbors=7, weights="distance")
    knn.fit(Z_train, y_train)
    pred = knn.predict(Z_test)

    print(f"accuracy        {accuracy_score(y_test, pred):.3f}")
    print(f"quadratic kappa {cohen_kappa_score(y_test, pred, weights='quadratic'):.3f}")
    cm = pd.DataFrame(confusion_matrix(y_test, pred), index=GRADES, columns=GRADES)
    print(cm)
    # one-grade-off is acceptable for the buyers' price bands
    within_one = np.mean(np.abs(pred - y_test) <= 1)
    print(f"within one grade: {within_one:.1%}")


if __name__ == "__main__":
    main()
