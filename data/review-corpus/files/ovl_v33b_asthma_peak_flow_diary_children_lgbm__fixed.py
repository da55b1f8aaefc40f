# label: leakage/none
"""Evening symptom model for the paediatric asthma home-monitoring study.

Each child keeps an electronic diary: morning peak flow before medication,
controller inhaler adherence, and an evening symptom score (0-4). We predict
whether the evening score reaches 2+ from what is recorded by mid-morning plus
the daily pollen and air quality bulletin.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

DIARY_PATH = "data/diary_entries.csv"
CHILDREN_PATH = "data/enrolment.csv"
BULLETIN_PATH = "data/daily_bulletin.csv"


def predicted_pef(height_cm, sex):
    # Godfrey reference equations (L/min), rounded coefficients
    boys = 5.5 * height_cm - 425.0
    girls = 5.3 * height_cm - 400.0
    return np.where(sex == "M", boys, girls)


def load_data():
    diary = pd.read_csv(DIARY_PATH, parse_dates=["entry_date"])
    children = pd.read_csv(CHILDREN_PATH)
    bulletin = pd.read_csv(BULLETIN_PATH, parse_dates=["date"])

    df = diary.merge(children, on="child_id", how="inner")
    df = df.merge(bulletin, left_on=["entry_date", "region"], right_on=["date", "region"], how="left")
    df = df.dropna(subset=["evening_symptom_score", "pef_am"])

    df["pef_pct_pred"] = 100 * df["pef_am"] / predicted_pef(df["height_cm"], df["sex"])
    df["controller_taken"] = df["controller_puffs_am"].gt(0).astype(int)
    df["weekday"] = df["entry_date"].dt.dayofweek
    df["month"] = df["entry_date"].dt.month
    df["male"] = (df["sex"] == "M").astype(int)
    df["symptomatic_evening"] = (df["evening_symptom_score"] >= 2).astype(int)
    return df


FEATURES = [
    "pef_am", "pef_pct_pred", "controller_taken", "night_waking_prev",
    "pollen_grass", "pollen_birch", "pm10", "no2", "temp_max_c", "humidity",
    "school_day", "weekday", "month",
    "age_years", "male", "height_cm", "bmi_z", "gina_step", "smoker_in_home", "eczema",
]


def main():
    df = load_data()
    print(f"{df['child_id'].nunique()} children, {len(df)} diary days")

    X = df[FEATURES]
    y = df["symptomatic_evening"]
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
    train_idx, test_idx = next(splitter.split(X, y, groups=df["child_id"]))
    X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
    y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

    model = lgb.LGBMClassifier(
        n_estimators=600,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=40,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        verbose=-1,
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    print(f"ROC AUC            {roc_auc_score(y_test, proba):.3f}")
    print(f"Average precision  {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    gain = pd.Series(model.booster_.feature_importance("gain"), index=FEATURES)
    print((gain / gain.sum()).sort_values(ascending=False).head(10).round(3).to_string())


if __name__ == "__main__":
    main()
