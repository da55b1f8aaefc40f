# label: leakage/overlap
"""Pre-marking intonation for online clarinet grade exams.

Candidates upload 4-6 recordings (scales, study, pieces). An examiner gives every
recording an intonation mark out of 10. We'd like a model that pre-marks the
uploads of new candidates so examiners can prioritise borderline ones.
"""
import numpy as np
import pandas as pd
from scipy.stats import spearmanr
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

PIECE_TYPES = ["scales", "arpeggios", "study", "listA", "listB", "listC", "sightread"]

feats = pd.read_parquet("features/recording_pitch_features.parquet")
marks = pd.read_csv("marks/examiner_marks_2022_2024.csv")
candidates = pd.read_csv("marks/candidates.csv")

df = (
    feats.merge(marks[["recording_id", "intonation_mark"]], on="recording_id")
         .merge(candidates[["candidate_id", "grade", "years_playing", "reed_strength",
                            "instrument_material", "accompaniment"]],
                on="candidate_id", how="left")
)
df = df[df["duration_s"] > 20]

df["piece_type"] = df["item_code"].str.split("_").str[0]
df["wood_body"] = (df["instrument_material"] == "grenadilla").astype(int)
df["live_accomp"] = (df["accompaniment"] == "live").astype(int)

pitch_cols = [c for c in df.columns if c.startswith(("cents_", "drift_", "register_"))]
other_cols = ["grade", "years_playing", "reed_strength", "wood_body", "live_accomp",
              "duration_s", "note_rate", "onset_jitter_ms", "breath_noise_db",
              "dynamic_range_db", "vibrato_extent_cents"]
features = pitch_cols + other_cols + ["piece_type"]

X = df[features].copy()
X["piece_type"] = pd.Categorical(X["piece_type"], categories=PIECE_TYPES)
y = df["intonation_mark"].astype(float)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=2024
)
print(f"{len(X_train)} train recordings, {len(X_test)} test recordings")

model = XGBRegressor(
    n_estimators=600,
    learning_rate=0.03,
    max_depth=5,
    subsample=0.8,
    colsample_bytree=0.7,
    min_child_weight=5,
    reg_lambda=2.0,
    enable_categorical=True,
    tree_method="hist",
    random_state=0,
)
model.fit(X_train, y_train)

pred = np.clip(model.predict(X_test), 0, 10)
mae = mean_absolute_error(y_test, pred)
rho = spearmanr(y_test, pred).correlation
within_one = np.mean(np.abs(y_test - pred) <= 1.0)

print(f"MAE {mae:.2f} marks | Spearman {rho:.3f} | within 1 mark {within_one:.1%}")

by_grade = (
    pd.DataFrame({"grade": X_test["grade"], "err": np.abs(y_test - pred)})
      .groupby("grade")["err"].agg(["count", "mean"])
)
print(by_grade.round(2))

imp = pd.Series(model.feature_importances_, index=features).sort_values(ascending=False)
print(imp.head(12).round(3))
