# label: leakage/overlap
"""Predict hands-on preparation time for recipes in the community cookbook.

Recipes carry one or more cuisine tags ("thai|vegan|quick"); the tag is used
as a categorical input alongside the ingredient list and step counts.
"""
import re

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SETTINGS = {
    "recipes": "data/cookbook_recipes.parquet",
    "max_minutes": 360,
    "test_size": 0.2,
    "alpha": 3.0,
    "seed": 21,
}
NUMERIC = ["n_steps", "n_ingredients", "servings", "n_techniques", "uses_oven"]


def clean_ingredients(text):
    text = text.lower()
    text = re.sub(r"\d+([./]\d+)?\s*(g|kg|ml|l|tbsp|tsp|cups?|oz)\b", " ", text)
    return re.sub(r"[^a-z, ]+", " ", text)


def load_recipes(path):
    df = pd.read_parquet(path)
    df = df[df["prep_minutes"].between(1, SETTINGS["max_minutes"])].copy()
    df["ingredients_clean"] = df["ingredients"].fillna("").map(clean_ingredients)
    df["uses_oven"] = df["instructions"].str.contains(r"\boven\b", case=False).astype(int)
    df["log_minutes"] = np.log1p(df["prep_minutes"])
    return df


def one_row_per_tag(df):
    out = df.assign(tag=df["tags"].fillna("untagged").str.split("|")).explode("tag")
    out["tag"] = out["tag"].str.strip()
    return out.reset_index(drop=True)


def build_model():
    features = ColumnTransformer([
        ("ingr", TfidfVectorizer(token_pattern=r"[a-z]{3,}", min_df=5, ngram_range=(1, 2),
                                 sublinear_tf=True), "ingredients_clean"),
        ("tag", OneHotEncoder(handle_unknown="ignore", min_frequency=20), ["tag"]),
        ("num", StandardScaler(), NUMERIC),
    ])
    return Pipeline([("features", features), ("ridge", Ridge(alpha=SETTINGS["alpha"]))])


recipes = load_recipes(SETTINGS["recipes"])
print(f"{len(recipes):,} recipes, median prep {recipes['prep_minutes'].median():.0f} min")

rows = one_row_per_tag(recipes)
train, test = train_test_split(rows, test_size=SETTINGS["test_size"],
                               random_state=SETTINGS["seed"])
print(f"train rows {len(train):,} | test rows {len(test):,}")

model = build_model()
model.fit(train, train["log_minutes"])

pred_minutes = np.expm1(model.predict(test))
print(f"MAE    {mean_absolute_error(test['prep_minutes'], pred_minutes):.1f} min")
print(f"MedAE  {median_absolute_error(test['prep_minutes'], pred_minutes):.1f} min")

per_tag = (
    test.assign(abs_err=np.abs(test["prep_minutes"] - pred_minutes))
    .groupby("tag")["abs_err"].agg(["count", "mean"])
    .query("count >= 30")
    .sort_values("mean")
)
print(per_tag.round(1).head(15))
