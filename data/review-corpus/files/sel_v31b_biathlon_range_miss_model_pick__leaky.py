# label: leakage/selection
"""Miss prediction for biathlon shooting bouts (IBU World Cup, 2015-2023).

Each row is one five-shot bout: heart rate on arrival at the mat, approach
speed over the last 150 m, range wind readings, position and bout number.
The target is whether the athlete missed at least one target.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

BOUTS = "data/ibu_shooting_bouts_2015_2023.parquet"
TEST_SEASONS = ["2021-22", "2022-23"]

NUMERIC = ["arrival_hr_bpm", "approach_speed_kmh", "wind_ms", "wind_gust_ms",
           "temperature_c", "altitude_m", "bout_number", "prior_season_hit_rate"]
CATEGORICAL = ["position", "race_format", "venue"]


def load_bouts(path):
    df = pd.read_parquet(path)
    df = df[df["shots_fired"] == 5].copy()
    df["any_miss"] = (df["hits"] < 5).astype(int)
    df["wind_gust_ms"] = df["wind_gust_ms"].fillna(df["wind_ms"])
    df["prior_season_hit_rate"] = df["prior_season_hit_rate"].fillna(0.82)
    return df


def preprocessor(scale):
    num = StandardScaler() if scale else "passthrough"
    return ColumnTransformer([
        ("num", num, NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
    ])


bouts = load_bouts(BOUTS)
is_test = bouts["season"].isin(TEST_SEASONS)
train, test = bouts[~is_test], bouts[is_test]
X_train, y_train = train[NUMERIC + CATEGORICAL], train["any_miss"]
X_test, y_test = test[NUMERIC + CATEGORICAL], test["any_miss"]
print(f"{len(train)} training bouts, {len(test)} test bouts, miss rate {y_train.mean():.2f}")

candidates = {
    "logit": make_pipeline(preprocessor(scale=True),
                           LogisticRegression(C=0.5, max_iter=2000)),
    "forest": make_pipeline(preprocessor(scale=False),
                            RandomForestClassifier(n_estimators=500, min_samples_leaf=20,
                                                   n_jobs=-1, random_state=3)),
    "hgb": make_pipeline(preprocessor(scale=False),
                         HistGradientBoostingClassifier(learning_rate=0.05, max_iter=400,
                                                        max_leaf_nodes=31, random_state=3)),
}

scores = {}
for name, model in candidates.items():
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    scores[name] = roc_auc_score(y_test, proba)
    print(f"{name:>8s}  AUC {scores[name]:.3f}")

best_name = max(scores, key=scores.get)
best = candidates[best_name]

proba = best.predict_proba(X_test)[:, 1]
print(f"\nmodel: {best_name}")
print(f"AUC   {roc_auc_score(y_test, proba):.3f}")
print(f"Brier {brier_score_loss(y_test, proba):.3f}")

by_position = test.assign(p=proba).groupby("position").apply(
    lambda g: roc_auc_score(g["any_miss"], g["p"]))
print(by_position.round(3))
