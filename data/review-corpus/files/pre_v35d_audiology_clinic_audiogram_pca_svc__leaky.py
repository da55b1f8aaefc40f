# label: leakage/preprocessing
"""Hearing-aid uptake after a first audiology assessment.

Pure-tone thresholds (dB HL) for both ears at 250 Hz - 8 kHz are compressed
with PCA and combined with a few intake answers; an RBF SVM predicts whether
the patient collects a fitted aid within three months.
"""
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

FREQS = [250, 500, 1000, 2000, 3000, 4000, 6000, 8000]
THRESHOLD_COLS = [f"{ear}_{f}hz" for ear in ("left", "right") for f in FREQS]
INTAKE_COLS = ["age", "hhie_s_score", "tinnitus_reported", "lives_alone", "referral_gp"]


def load_assessments(path):
    df = pd.read_csv(path, parse_dates=["assessment_date"])
    df = df.sort_values("assessment_date").drop_duplicates("patient_id", keep="first")
    # no-response at audiometer limit is exported as 999
    df[THRESHOLD_COLS] = df[THRESHOLD_COLS].replace(999, 120).clip(-10, 120)
    df = df.dropna(subset=THRESHOLD_COLS + INTAKE_COLS + ["aid_collected_3m"])
    return df


def audiogram_summary(df):
    left_pta = df[[f"left_{f}hz" for f in (500, 1000, 2000, 4000)]].mean(axis=1)
    right_pta = df[[f"right_{f}hz" for f in (500, 1000, 2000, 4000)]].mean(axis=1)
    return pd.DataFrame({
        "better_ear_pta": np.minimum(left_pta, right_pta),
        "asymmetry": (left_pta - right_pta).abs(),
        "hf_slope": df[["left_8000hz", "right_8000hz"]].mean(axis=1)
        - df[["left_1000hz", "right_1000hz"]].mean(axis=1),
    }, index=df.index)


df = load_assessments("clinic/first_assessments_2019_2024.csv")
y = df["aid_collected_3m"].astype(int).to_numpy()
print(f"{len(df)} patients, uptake {y.mean():.1%}")

audio = df[THRESHOLD_COLS].to_numpy(dtype=float)
extra = pd.concat([audiogram_summary(df), df[INTAKE_COLS]], axis=1).to_numpy(dtype=float)

idx_train, idx_test = train_test_split(
    np.arange(len(df)), test_size=0.25, stratify=y, random_state=42
)

audio_pca = make_pipeline(StandardScaler(), PCA(n_components=0.95, svd_solver="full"))
audio_z = audio_pca.fit_transform(audio)
audio_train, audio_test = audio_z[idx_train], audio_z[idx_test]
print("audiogram components kept:", audio_pca[-1].n_components_)

X_train = np.hstack([audio_train, extra[idx_train]])
X_test = np.hstack([audio_test, extra[idx_test]])
y_train, y_test = y[idx_train], y[idx_test]

clf = make_pipeline(
    StandardScaler(),
    SVC(C=3.0, gamma="scale", class_weight="balanced", probability=True, random_state=42),
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = clf.predict(X_test)
print(f"ROC AUC:           {roc_auc_score(y_test, proba):.3f}")
print(f"balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
print(classification_report(y_test, pred, target_names=["no aid", "aid collected"]))

loadings = pd.DataFrame(audio_pca[-1].components_[:3].T, index=THRESHOLD_COLS,
                        columns=["pc1", "pc2", "pc3"])
print(loadings.round(2))
