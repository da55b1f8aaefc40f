# label: leakage/none
# Polo pony lameness risk for the coming season, from pre-season records.
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

seasons = pd.read_csv("pony_seasons.csv", parse_dates=["season_start", "season_end"])
ponies = pd.read_csv("pony_register.csv", parse_dates=["foaled"])
vet = pd.read_csv("vet_log.csv", parse_dates=["visit_date"])

df = seasons.merge(ponies, on="pony_id", how="left")
df["age_years"] = (df["season_start"] - df["foaled"]).dt.days / 365.25
df["thoroughbred"] = (df["breeding"] == "TB").astype(int)
df["mare"] = (df["sex"] == "mare").astype(int)

# vet history per pony-season
m = df[["pony_id", "season", "season_start", "season_end"]].merge(vet, on="pony_id")
in_window = (m["visit_date"] < m["season_start"]) & (
    m["visit_date"] >= m["season_start"] - pd.Timedelta(days=365)
)
vet_agg = (
    m[in_window]
    .groupby(["pony_id", "season"])
    .agg(
        vet_visits=("visit_id", "count"),
        nsaid_doses=("nsaid_doses", "sum"),
        imaging_done=("imaging", "max"),
    )
    .reset_index()
)
df = df.merge(vet_agg, on=["pony_id", "season"], how="left")
df[["vet_visits", "nsaid_doses", "imaging_done"]] = (
    df[["vet_visits", "nsaid_doses", "imaging_done"]].fillna(0)
)

# earlier seasons for the same pony
df = df.sort_values(["pony_id", "season"])
df["lame_prev_season"] = df.groupby("pony_id")["lame_in_season"].shift(1).fillna(0)
df["chukkas_prev_season"] = df.groupby("pony_id")["chukkas_played"].shift(1).fillna(0)

features = [
    "age_years", "height_hands", "weight_kg", "thoroughbred", "mare",
    "years_in_string", "farrier_interval_days", "preseason_fitness_km",
    "hoof_angle_diff_deg", "lame_prev_season", "chukkas_prev_season",
    "vet_visits", "nsaid_doses", "imaging_done",
]
df = df.dropna(subset=["weight_kg", "farrier_interval_days", "hoof_angle_diff_deg"])

train = df[df["season"] < 2023]
test = df[df["season"] == 2023]

clf = RandomForestClassifier(
    n_estimators=600,
    min_samples_leaf=4,
    class_weight="balanced_subsample",
    n_jobs=-1,
    random_state=2,
)
clf.fit(train[features], train["lame_in_season"])
proba = clf.predict_proba(test[features])[:, 1]

print(f"train pony-seasons: {len(train)}, 2023 ponies: {len(test)}")
print(f"lameness rate 2023: {test['lame_in_season'].mean():.3f}")
print(f"ROC AUC: {roc_auc_score(test['lame_in_season'], proba):.3f}")
print(f"PR AUC:  {average_precision_score(test['lame_in_season'], proba):.3f}")
print(f"Brier:   {brier_score_loss(test['lame_in_season'], proba):.3f}")

ranked = test.assign(risk=proba).sort_values("risk", ascending=False)
print(ranked[["pony_id", "string_name", "risk", "lame_in_season"]].head(15).to_string(index=False))
print(pd.Series(clf.feature_importances_, index=features).sort_values(ascending=False).round(3))
