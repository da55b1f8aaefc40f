# label: leakage/none
"""Seed potato lots: probability that a lot is rejected for blackleg at
the packhouse grading inspection. Lots are scored when they are booked in
for grading, so inspectors can choose which stores get an early sample pull.
Store climate columns are means from lifting up to the booking date.
"""
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import log_loss, roc_auc_score

CATEGORICAL = ["variety", "seed_class", "grower_id", "soil_type", "store_id", "lifting_method"]
NUMERIC = [
    "field_generation", "field_inspection_blackleg_pct", "haulm_destruction_days",
    "rain_7d_before_lifting_mm", "soil_temp_at_lifting_c", "days_in_store",
    "store_temp_mean_c", "store_rh_mean_pct", "lot_tonnes", "grower_reject_rate_prev_3y",
]
TARGET = "rejected_blackleg"


def read_lots():
    lots = pd.read_csv("exports/seed_lots_2017_2024.csv", parse_dates=["lifted_on", "booked_on"])
    growers = pd.read_csv("exports/grower_history.csv")
    lots = lots.merge(growers, on=["grower_id", "season"], how="left")
    lots["days_in_store"] = (lots["booked_on"] - lots["lifted_on"]).dt.days
    lots[CATEGORICAL] = lots[CATEGORICAL].fillna("na").astype(str)
    return lots.dropna(subset=[TARGET])


def season_split(lots, last_season):
    train = lots[lots["season"] < last_season]
    test = lots[lots["season"] == last_season]
    return train, test


def report(y, p, name):
    print(f"[{name}] n={len(y)}  AUC={roc_auc_score(y, p):.3f}  logloss={log_loss(y, p):.4f}")


def main():
    lots = read_lots()
    train, test = season_split(lots, last_season=lots["season"].max())
    cols = CATEGORICAL + NUMERIC

    model = CatBoostClassifier(
        iterations=1500, learning_rate=0.03, depth=6, l2_leaf_reg=5,
        auto_class_weights="Balanced", random_seed=2, verbose=300,
    )
    model.fit(train[cols], train[TARGET], cat_features=CATEGORICAL)

    p_test = model.predict_proba(test[cols])[:, 1]
    report(test[TARGET], p_test, "latest season")

    ranked = test.assign(score=p_test).sort_values("score", ascending=False)
    pulled = ranked.head(int(0.2 * len(ranked)))
    print(f"rejections caught by pulling top 20% of lots: "
          f"{pulled[TARGET].sum()} of {test[TARGET].sum()}")

    imp = model.get_feature_importance(prettified=True)
    print(imp.head(10).to_string(index=False))


if __name__ == "__main__":
    main()
