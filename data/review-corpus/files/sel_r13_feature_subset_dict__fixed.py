# label: leakage/none
# twin: sel_r13_feature_subset_dict__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Which feature families predict a track's 90-day popularity score (0-100)?"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import r2_score
from sklearn.model_selection import GroupKFold, cross_val_score

AUDIO = ["danceability", "energy", "loudness_db", "speechiness", "acousticness",
         "instrumentalness", "valence", "tempo_bpm", "duration_s"]
META = ["explicit", "release_month", "n_featured_artists", "label_is_major"]
ARTIST = ["artist_followers_at_release_log", "artist_prev_hits", "artist_years_active"]

SUBSETS = {
    "audio": AUDIO,
    "audio+meta": AUDIO + META,
    "audio+artist": AUDIO + ARTIST,
    "all": AUDIO + META + ARTIST,
}


def make_model():
    return HistGradientBoostingRegressor(
        learning_rate=0.05, max_iter=400, l2_regularization=1.0, random_state=0
    )


tracks = pd.read_csv("data/tracks.csv", parse_dates=["release_date"])
# 90-day label: training tracks must be fully observed before the 2023 test releases
train = tracks[tracks["release_date"] < "2022-10-01"]
test = tracks[tracks["release_date"] >= "2023-01-01"]
y_train, y_test = train["popularity_90d"], test["popularity_90d"]

results = {}
cv = GroupKFold(n_splits=5)
for name, cols in SUBSETS.items():
    scores = cross_val_score(make_model(), train[cols], y_train, cv=cv,
                             groups=train["artist_id"], scoring="r2")
    results[name] = scores.mean()
    print(f"{name:>13}: CV R2 = {results[name]:.3f}")

best = max(results, key=results.get)
final = make_model().fit(train[SUBSETS[best]], y_train)
test_r2 = r2_score(y_test, final.predict(test[SUBSETS[best]]))
print(f"selected feature set '{best}' -> 2023 test R2 {test_r2:.3f}")
