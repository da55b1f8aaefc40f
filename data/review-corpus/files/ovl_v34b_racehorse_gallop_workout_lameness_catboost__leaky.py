# label: leakage/overlap
# Training-yard lameness screen: every fast gallop on the all-weather strip is
# recorded by the saddle-cloth GPS/IMU unit. Label: horse examined and found
# lame by the yard vet within 21 days of the workout.
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

CAT_COLS = ["sex", "surface", "going", "trainer", "workout_type"]
NUM_COLS = [
    "age_years", "weight_kg", "top_speed_kmh", "mean_stride_length_m",
    "stride_freq_hz", "stride_length_cv", "vertical_asymmetry_mm",
    "left_right_symmetry_idx", "hr_peak_bpm", "hr_recovery_60s_bpm",
    "distance_furlongs", "days_since_last_run", "runs_last_90d",
]


def load_workouts():
    gallops = pd.read_csv("gallop_sessions_2019_2023.csv", parse_dates=["session_date"])
    horses = pd.read_csv("horse_register.csv", parse_dates=["foaling_date"])
    vet = pd.read_csv("vet_lameness_exams.csv", parse_dates=["exam_date"])

    df = gallops.merge(horses, on="horse_id", how="left")
    df["age_years"] = (df["session_date"] - df["foaling_date"]).dt.days / 365.25

    lame = vet.loc[vet["finding"] == "lame", ["horse_id", "exam_date"]]
    pairs = df[["session_id", "horse_id", "session_date"]].merge(lame, on="horse_id")
    days = (pairs["exam_date"] - pairs["session_date"]).dt.days
    hit_ids = pairs.loc[days.between(1, 21), "session_id"].unique()
    df["lame_21d"] = df["session_id"].isin(hit_ids).astype(int)

    df["runs_last_90d"] = df["runs_last_90d"].fillna(0)
    df[CAT_COLS] = df[CAT_COLS].fillna("unknown")
    return df


df = load_workouts()
print(f"{len(df)} workouts, {df['horse_id'].nunique()} horses, {df['lame_21d'].mean():.2%} positive")

X = df[CAT_COLS + NUM_COLS]
y = df["lame_21d"]
train_idx, test_idx = train_test_split(df.index, test_size=0.2, stratify=y, random_state=5)

train_pool = Pool(X.loc[train_idx], y.loc[train_idx], cat_features=CAT_COLS)
test_pool = Pool(X.loc[test_idx], y.loc[test_idx], cat_features=CAT_COLS)

model = CatBoostClassifier(
    iterations=800,
    depth=6,
    learning_rate=0.04,
    l2_leaf_reg=5,
    auto_class_weights="Balanced",
    random_seed=5,
    verbose=200,
)
model.fit(train_pool)

proba = model.predict_proba(test_pool)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y.loc[test_idx], proba):.3f}")
print(f"test PR AUC:  {average_precision_score(y.loc[test_idx], proba):.3f}")

importance = model.get_feature_importance(train_pool, prettified=True)
print(importance.head(12).to_string(index=False))
model.save_model("gallop_lameness_cb.cbm")
