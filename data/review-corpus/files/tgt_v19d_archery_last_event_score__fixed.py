# label: leakage/none
"""Predict an archer's 72-arrow ranking-round score for the next tournament."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

SETTINGS = {
    "results": "data/archery_ranking_rounds.csv",
    "archers": "data/archers.csv",
    "test_season": 2024,
    "target": "ranking_score",
}

CATS = ["bow_type", "age_class", "venue_type"]
NUMS = ["last_event_score", "season_best_prev", "n_prior_events",
        "days_since_last_event", "distance_m", "wind_kmh", "temp_c",
        "years_shooting", "draw_weight_lb", "debut"]


def load(settings):
    res = pd.read_csv(settings["results"], parse_dates=["event_date"])
    arc = pd.read_csv(settings["archers"])
    df = res.merge(arc, on="archer_id", how="left")
    df = df.sort_values(["archer_id", "event_date"])
    df["season"] = df["event_date"].dt.year
    return df


def add_history(df, target):
    g = df.groupby("archer_id")
    df["last_event_score"] = g[target].shift(1)
    df["season_best_prev"] = g[target].transform(lambda s: s.shift(1).cummax())
    df["days_since_last_event"] = g["event_date"].diff().dt.days
    df["n_prior_events"] = g.cumcount().clip(upper=30)
    df["debut"] = df["last_event_score"].isna().astype(int)
    return df


df = add_history(load(SETTINGS), SETTINGS["target"])
train = df[df["season"] < SETTINGS["test_season"]]
test = df[df["season"] == SETTINGS["test_season"]]
print(f"train {len(train)} rounds, test {len(test)} rounds")

model = Pipeline([
    ("prep", ColumnTransformer([
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value",
                               unknown_value=-1), CATS),
        ("num", "passthrough", NUMS),
    ])),
    ("gbm", HistGradientBoostingRegressor(
        max_iter=500, learning_rate=0.04, max_depth=6,
        categorical_features=[0, 1, 2], random_state=5)),
])
model.fit(train[CATS + NUMS], train[SETTINGS["target"]])
pred = model.predict(test[CATS + NUMS])

y_test = test[SETTINGS["target"]]
print(f"MAE {mean_absolute_error(y_test, pred):.2f} points, R2 {r2_score(y_test, pred):.3f}")
for bow, part in test.assign(pred=pred).groupby("bow_type"):
    print(f"  {bow:10s} MAE {mean_absolute_error(part[SETTINGS['target']], part['pred']):.2f}")

plt.figure(figsize=(5, 5))
plt.scatter(y_test, pred, s=6, alpha=0.4)
plt.plot([400, 720], [400, 720], "k--", lw=1)
plt.xlabel("actual score")
plt.ylabel("predicted score")
plt.tight_layout()
plt.savefig("archery_pred_vs_actual.png", dpi=120)
