# label: leakage/none
"""Median solve time per published crossword, from grid and clue statistics."""
import numpy as np
import pandas as pd
from sklearn.compose import TransformedTargetRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import KFold, cross_val_score, train_test_split

DATA = "data/crossword_puzzles.parquet"
SEED = 2024

FEATURES = [
    "grid_size", "n_words", "n_black", "n_clues_wordplay", "n_theme_entries",
    "avg_answer_len", "share_rare_answers", "n_proper_nouns", "has_rebus",
    "weekday", "constructor_n_prior",
]

TRANSFORMS = {
    "identity": (None, None),
    "log1p": (np.log1p, np.expm1),
    "sqrt": (np.sqrt, np.square),
    "recip": (lambda t: 1.0 / (t + 60.0), lambda z: 1.0 / z - 60.0),
}


def load_puzzles(path):
    df = pd.read_parquet(path)
    df = df[df["n_solvers"] >= 25].copy()
    df["weekday"] = pd.to_datetime(df["published"]).dt.dayofweek
    df["has_rebus"] = df["has_rebus"].astype(int)
    return df


def make_regressor(func, inverse):
    base = HistGradientBoostingRegressor(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31,
        l2_regularization=1.0, random_state=SEED)
    if func is None:
        return base
    return TransformedTargetRegressor(regressor=base, func=func,
                                      inverse_func=inverse, check_inverse=False)


puzzles = load_puzzles(DATA)
X = puzzles[FEATURES]
y = puzzles["median_solve_sec"]
print(f"{len(puzzles)} puzzles, median solve {y.median():.0f}s")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=SEED)

cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
table = []
for name, (func, inverse) in TRANSFORMS.items():
    reg = make_regressor(func, inverse)
    mae = -cross_val_score(reg, X_train, y_train, cv=cv,
                           scoring="neg_mean_absolute_error")
    medae = -cross_val_score(reg, X_train, y_train, cv=cv,
                             scoring="neg_median_absolute_error")
    table.append((name, mae.mean(), medae.mean()))

table = pd.DataFrame(table, columns=["transform", "mae", "medae"])
print(table.round(1).to_string(index=False))

chosen = table.sort_values("mae").iloc[0]["transform"]
final = make_regressor(*TRANSFORMS[chosen]).fit(X_train, y_train)
pred = final.predict(X_test)

print(f"target transform: {chosen}")
print(f"holdout MAE: {mean_absolute_error(y_test, pred):.1f} s")
print(f"holdout MedAE: {median_absolute_error(y_test, pred):.1f} s")

by_day = (pd.DataFrame({"weekday": X_test["weekday"], "err": np.abs(pred - y_test)})
          .groupby("weekday")["err"].mean())
print(by_day.round(1))
