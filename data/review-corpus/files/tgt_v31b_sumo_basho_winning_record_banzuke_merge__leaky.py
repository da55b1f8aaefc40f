# label: leakage/target
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score

# Makuuchi and juryo records, one row per rikishi per honbasho (six a year).
# kachikoshi = 8 or more wins from 15 bouts.
RECORDS = "sumo/basho_records_2000_2024.csv"
BANZUKE = "sumo/banzuke_2000_2024.csv"
PROFILES = "sumo/rikishi_profiles.csv"

DIVISION_OFFSET = {"makuuchi": 0, "juryo": 100}
SIDE_OFFSET = {"E": 0.0, "W": 0.5}


def rank_value(banzuke):
    """Single ordinal for a banzuke slot, lower is higher ranked."""
    return (banzuke["division"].map(DIVISION_OFFSET)
            + banzuke["rank_number"] * 1.0
            + banzuke["side"].map(SIDE_OFFSET))


def banzuke_features(banzuke):
    bz = banzuke.sort_values(["rikishi_id", "basho_id"]).copy()
    bz["rank_value"] = rank_value(bz)
    g = bz.groupby("rikishi_id")["rank_value"]
    bz["rank_move"] = g.shift(-1) - bz["rank_value"]
    bz["basho_in_division"] = bz.groupby(["rikishi_id", "division"]).cumcount() + 1
    bz["best_rank_so_far"] = g.cummin()
    return bz[["rikishi_id", "basho_id", "rank_value", "rank_move",
               "basho_in_division", "best_rank_so_far", "division"]]


def previous_basho(records):
    rec = records.sort_values(["rikishi_id", "basho_id"]).copy()
    g = rec.groupby("rikishi_id")
    rec["prev_wins"] = g["wins"].shift(1)
    rec["prev_absences"] = g["absences"].shift(1).fillna(0)
    rec["wins_last3"] = g["wins"].transform(lambda s: s.shift(1).rolling(3, min_periods=1).mean())
    return rec


records = pd.read_csv(RECORDS)
records = records[records["division"].isin(DIVISION_OFFSET)]
banzuke = pd.read_csv(BANZUKE)
profiles = pd.read_csv(PROFILES, parse_dates=["birth_date"])

df = previous_basho(records).merge(
    banzuke_features(banzuke).drop(columns="division"), on=["rikishi_id", "basho_id"], how="left")
df = df.merge(profiles[["rikishi_id", "birth_date", "height_cm", "heya", "origin_country"]],
              on="rikishi_id", how="left")
df["basho_start"] = pd.to_datetime(df["basho_start"])
df["age"] = (df["basho_start"] - df["birth_date"]).dt.days / 365.25
df["kachikoshi"] = (df["wins"] >= 8).astype(int)
df["is_makuuchi"] = (df["division"] == "makuuchi").astype(int)
df["foreign_born"] = (df["origin_country"] != "Japan").astype(int)

FEATURES = ["rank_value", "rank_move", "basho_in_division", "best_rank_so_far",
            "prev_wins", "prev_absences", "wins_last3", "weight_kg", "height_cm",
            "age", "is_makuuchi", "foreign_born"]

train = df[df["basho_start"] < "2019-01-01"]
test = df[df["basho_start"] >= "2019-01-01"]

clf = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300, max_depth=5,
                                     l2_regularization=1.0, random_state=0)
clf.fit(train[FEATURES], train["kachikoshi"])

p = clf.predict_proba(test[FEATURES])[:, 1]
print(f"basho 2019-2024: {test['basho_id'].nunique()} tournaments, {len(test)} records")
print(f"AUC      {roc_auc_score(test['kachikoshi'], p):.3f}")
print(f"log loss {log_loss(test['kachikoshi'], p):.3f}")
print(f"accuracy {accuracy_score(test['kachikoshi'], (p >= 0.5).astype(int)):.3f}")
print(f"base rate {np.mean(test['kachikoshi']):.3f}")
