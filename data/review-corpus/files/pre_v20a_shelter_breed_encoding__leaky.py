# label: leakage/preprocessing
"""County animal shelter: probability that a dog or cat intake is adopted within 30 days.
High-cardinality breed / colour / intake-location columns get smoothed mean encoding."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

INTAKES = "data/shelter_intakes.csv"
TARGET = "adopted_30d"
HIGH_CARD = ["breed_primary", "color_primary", "intake_zip"]
LEVELS = {
    "species": ["dog", "cat"],
    "sex_upon_intake": ["intact male", "intact female", "neutered male", "spayed female", "unknown"],
    "intake_type": ["stray", "owner surrender", "public assist", "transfer in", "unknown"],
    "intake_condition": ["normal", "injured", "sick", "nursing", "aged", "unknown"],
    "size_class": ["small", "medium", "large", "xlarge", "unknown"],
}
LOW_CARD = list(LEVELS)
SMOOTHING = 20.0


def prepare(df):
    df = df.copy()
    df["age_months"] = df["age_days"] / 30.4
    df["is_mix"] = df["breed_raw"].str.contains("mix|/", case=False, regex=True).astype(int)
    first_breed = df["breed_raw"].str.split("/").str[0]
    df["breed_primary"] = first_breed.str.replace(r"\s+mix$", "", case=False, regex=True).str.strip()
    df["color_primary"] = df["color_raw"].str.split("/").str[0].str.strip()
    df["intake_month"] = pd.to_datetime(df["intake_date"]).dt.month
    for col, levels in LEVELS.items():
        values = df[col].str.lower().fillna("unknown")
        df[col] = pd.Categorical(values.where(values.isin(levels), "unknown"), categories=levels)
    return df


def mean_encode(reference, apply_to, col, target, alpha=SMOOTHING):
    prior = reference[target].mean()
    stats = reference.groupby(col)[target].agg(["sum", "count"])
    smoothed = (stats["sum"] + alpha * prior) / (stats["count"] + alpha)
    return apply_to[col].map(smoothed).fillna(prior).astype(float)


shelter = prepare(pd.read_csv(INTAKES))
shelter = shelter[shelter["species"].notna()]
shelter = shelter.sort_values("intake_date").drop_duplicates("animal_id", keep="first")
shelter[TARGET] = shelter[TARGET].astype(int)

for col in HIGH_CARD:
    shelter[f"{col}_enc"] = mean_encode(shelter, shelter, col, TARGET)

FEATURES = (["age_months", "is_mix", "intake_month", "weight_kg"]
            + LOW_CARD + [f"{c}_enc" for c in HIGH_CARD])

train, test = train_test_split(shelter, test_size=0.2, stratify=shelter[TARGET], random_state=13)

params = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 48,
          "min_child_samples": 40, "feature_fraction": 0.85, "bagging_fraction": 0.85,
          "bagging_freq": 1, "verbose": -1, "seed": 13}
booster = lgb.train(params, lgb.Dataset(train[FEATURES], train[TARGET]), num_boost_round=500)

p = booster.predict(test[FEATURES])
print(f"AUC:     {roc_auc_score(test[TARGET], p):.3f}")
print(f"logloss: {log_loss(test[TARGET], p):.3f}")
print(f"Brier:   {brier_score_loss(test[TARGET], p):.3f}")

by_species = test.assign(p=p).groupby("species", observed=True).apply(
    lambda g: pd.Series({"n": len(g), "auc": roc_auc_score(g[TARGET], g["p"])})
)
print(by_species)

imp = pd.Series(booster.feature_importance("gain"), index=FEATURES).sort_values(ascending=False)
print(imp.head(10).round(1))
