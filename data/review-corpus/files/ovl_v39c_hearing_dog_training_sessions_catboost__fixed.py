# label: leakage/none
"""Sound-alert success model for the hearing-dog training programme.

Every row is one assessed training session: a trainer plays a household sound
(doorbell, smoke alarm, oven timer, name call ...) and records whether the dog
alerted by touch and led the handler to the source.
"""
from pathlib import Path

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SESSIONS = Path("programme_data/session_assessments.csv")
DOGS = Path("programme_data/dog_register.csv")

CAT_COLS = ["breed", "sex", "puppy_raiser_region", "sound_type", "room_type", "trainer_id"]
NUM_COLS = [
    "age_months",
    "weeks_in_programme",
    "session_number",
    "distance_to_handler_m",
    "background_noise_db",
    "distractor_present",
    "minutes_since_feed",
    "session_length_min",
]


def load_sessions():
    sessions = pd.read_csv(SESSIONS, parse_dates=["session_date"])
    dogs = pd.read_csv(DOGS, parse_dates=["date_of_birth", "programme_start"])
    df = sessions.merge(dogs, on="dog_id", how="left", validate="many_to_one")
    df["age_months"] = (df["session_date"] - df["date_of_birth"]).dt.days / 30.44
    df["weeks_in_programme"] = (df["session_date"] - df["programme_start"]).dt.days / 7
    df = df.sort_values(["dog_id", "session_date"])
    df["session_number"] = df.groupby("dog_id").cumcount() + 1
    df["distractor_present"] = df["distractor_present"].astype(int)
    for col in CAT_COLS:
        df[col] = df[col].fillna("unknown").astype(str)
    return df


def main():
    df = load_sessions()
    print(f"{len(df)} sessions from {df['dog_id'].nunique()} dogs, "
          f"success rate {df['alert_success'].mean():.2%}")

    features = CAT_COLS + NUM_COLS
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=21)
    train_idx, test_idx = next(splitter.split(df, groups=df["dog_id"]))
    train_df, test_df = df.iloc[train_idx], df.iloc[test_idx]

    train_pool = Pool(train_df[features], train_df["alert_success"], cat_features=CAT_COLS)
    test_pool = Pool(test_df[features], test_df["alert_success"], cat_features=CAT_COLS)

    model = CatBoostClassifier(
        iterations=800,
        depth=6,
        learning_rate=0.05,
        l2_leaf_reg=5,
        loss_function="Logloss",
        random_seed=21,
        verbose=200,
    )
    model.fit(train_pool)

    proba = model.predict_proba(test_pool)[:, 1]
    pred = (proba >= 0.5).astype(int)
    print(f"ROC AUC: {roc_auc_score(test_df['alert_success'], proba):.3f}")
    print(f"PR AUC:  {average_precision_score(test_df['alert_success'], proba):.3f}")
    print(classification_report(test_df["alert_success"], pred, digits=3))

    importances = model.get_feature_importance(prettified=True)
    print(importances.head(10).to_string(index=False))


if __name__ == "__main__":
    main()
