# label: leakage/none
# Fast-break conversion model from the league's event tracking feed.
# Each row is one shot taken on a fast break (within 10 s of the turnover).
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import GroupKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

EVENTS_PATH = "data/fast_breaks_2019_2024.parquet"
TEST_SEASON = "2023/24"

numeric_cols = [
    "turnover_x_m", "turnover_y_m", "seconds_to_shot", "passes_in_break",
    "attackers_in_break", "defenders_back", "shooter_speed_ms",
    "score_diff", "minute", "keeper_save_pct_prev_season",
    "shooter_goals_prev_season", "home",
]
categorical_cols = ["turnover_type", "lane", "shooter_position", "shot_type"]

events = pd.read_parquet(EVENTS_PATH)
events = events[events["competition"] == "league"].dropna(subset=["goal"])
events["home"] = events["home"].astype(int)
events["goal"] = events["goal"].astype(int)

train = events[events["season"] < TEST_SEASON]
test = events[events["season"] == TEST_SEASON]
print(f"train {len(train)} shots, test {len(test)} shots, "
      f"conversion {train['goal'].mean():.2%} / {test['goal'].mean():.2%}")

X_train, y_train = train[numeric_cols + categorical_cols], train["goal"]
X_test, y_test = test[numeric_cols + categorical_cols], test["goal"]


def build_pipeline(k):
    encode = ColumnTransformer([
        ("num", StandardScaler(), numeric_cols),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical_cols),
    ])
    return Pipeline([
        ("encode", encode),
        ("select", SelectKBest(f_classif, k=k)),
        ("clf", LogisticRegression(C=1.0, max_iter=2000)),
    ])


scores = {}
for k in [4, 6, 8, 12, 16, 20, "all"]:
    cv = cross_val_score(build_pipeline(k), X_train, y_train, groups=train["season"],
                         cv=GroupKFold(n_splits=4), scoring="neg_log_loss")
    scores[k] = -cv.mean()
    print(f"k={k!s:>4}  log loss {scores[k]:.4f}")

best_k = min(scores, key=scores.get)
model = build_pipeline(best_k).fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"\nk = {best_k}")
print(f"{TEST_SEASON} log loss: {log_loss(y_test, proba):.4f}")
print(f"{TEST_SEASON} Brier:    {brier_score_loss(y_test, proba):.4f}")
print(f"{TEST_SEASON} ROC AUC:  {roc_auc_score(y_test, proba):.3f}")

names = model.named_steps["encode"].get_feature_names_out()
kept = names[model.named_steps["select"].get_support()]
coefs = pd.Series(model.named_steps["clf"].coef_[0], index=kept).sort_values()
print(coefs.round(3).to_string())
