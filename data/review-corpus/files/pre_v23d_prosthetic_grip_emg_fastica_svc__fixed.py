# label: leakage/none
"""Recognise the intended prosthetic grip from 8-channel forearm EMG window features, tested on unseen participants."""
import numpy as np
import pandas as pd
from sklearn.decomposition import FastICA
from sklearn.metrics import accuracy_score, classification_report
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

CHANNELS = [f"ch{i}" for i in range(1, 9)]
GRIPS = ["power", "pinch", "key", "tripod", "point", "open"]

windows = pd.read_parquet("emg_windows_200ms.parquet")
sessions = pd.read_csv("recording_sessions.csv")
df = windows.merge(sessions[["session_id", "participant_id", "limb"]], on="session_id", how="inner")
df = df[df["grip"].isin(GRIPS) & (df["electrode_ok"] == 1)].reset_index(drop=True)


def window_features(frame):
    feats = {}
    for ch in CHANNELS:
        feats[f"{ch}_logrms"] = np.log(frame[f"{ch}_rms"] + 1e-6)
        feats[f"{ch}_wl"] = np.log1p(frame[f"{ch}_waveform_len"])
        feats[f"{ch}_zc"] = frame[f"{ch}_zero_cross"] / 200.0
        feats[f"{ch}_mnf"] = frame[f"{ch}_mean_freq_hz"] / 100.0
    out = pd.DataFrame(feats)
    total = sum(frame[f"{ch}_rms"] for ch in CHANNELS)
    for ch in CHANNELS:
        out[f"{ch}_share"] = frame[f"{ch}_rms"] / total
    return out


X = window_features(df).to_numpy()
y = df["grip"].to_numpy()
groups = df["participant_id"].to_numpy()

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=4)
tr, te = next(gss.split(X, y, groups))
print(f"{len(np.unique(groups[tr]))} train participants, {len(np.unique(groups[te]))} test participants")

clf = make_pipeline(
    # unmix the channel features into independent sources
    FastICA(n_components=16, whiten="unit-variance", max_iter=1000, random_state=4),
    StandardScaler(),
    SVC(C=4.0, gamma="scale", class_weight="balanced"),
)
clf.fit(X[tr], y[tr])
pred = clf.predict(X[te])

print(f"window accuracy on held-out participants: {accuracy_score(y[te], pred):.3f}")
print(classification_report(y[te], pred, labels=GRIPS, digits=3))

# trial-level call: majority over the windows of each grip attempt
res = pd.DataFrame({"pid": groups[te], "trial": df.loc[te, "trial_id"].to_numpy(), "y": y[te], "p": pred})
trials = res.groupby(["pid", "trial"]).agg(y=("y", "first"), p=("p", lambda s: s.mode().iloc[0]))
print(f"trial-level accuracy: {(trials['y'] == trials['p']).mean():.3f}")
print(trials.assign(ok=trials["y"] == trials["p"]).groupby("pid")["ok"].mean().round(3))
