# label: leakage/none
# twin: sel_r13c_spotify_skip_threshold__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit, GroupKFold, cross_val_predict
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, classification_report

plays = pd.read_csv("spotify_plays.csv")
features = [
    "hour_of_day", "session_position", "premium", "shuffle_on",
    "prev_track_skipped", "track_popularity", "track_duration_s",
    "acousticness", "energy", "tempo", "danceability",
]
X = plays[features]
y = plays["skipped"]
users = plays["user_id"]

# hold out whole listeners so nobody is on both sides
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=5)
train_idx, test_idx = next(gss.split(X, y, groups=users))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05)
oof = cross_val_predict(model, X_train, y_train, groups=users.iloc[train_idx],
                        cv=GroupKFold(n_splits=5), method="predict_proba")[:, 1]

# pick the cut-off that gives the best F1 on out-of-fold training predictions
thresholds = np.linspace(0.05, 0.95, 91)
f1s = [f1_score(y_train, oof >= t) for t in thresholds]
best_t = thresholds[int(np.argmax(f1s))]
print(f"chosen threshold: {best_t:.2f}")

model.fit(X_train, y_train)
proba = model.predict_proba(X_test)[:, 1]
pred = (proba >= best_t).astype(int)
print("test F1:", f1_score(y_test, pred))
print(classification_report(y_test, pred, target_names=["played", "skipped"]))
