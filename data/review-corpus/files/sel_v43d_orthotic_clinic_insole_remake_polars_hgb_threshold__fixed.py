# label: leakage/none
# Custom insole remakes: flag prescriptions likely to come back for a remake
# within 90 days so the podiatrist can book an early review appointment.
import numpy as np
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

DATA = "exports/insole_prescriptions.parquet"
CATEGORICAL = ["foot_posture", "primary_diagnosis", "shoe_type", "capture_method",
               "shell_material", "top_cover", "activity_level"]
NUMERIC = ["age", "bmi", "arch_height_mm", "heel_post_deg", "forefoot_post_deg",
           "clinician_years", "prior_prescriptions", "pain_score_intake"]
TARGET = "remake_90d"


def load_prescriptions(path):
    df = (
        pl.read_parquet(path)
        .filter(pl.col("prescribed_on") >= pl.date(2019, 1, 1))
        .sort("prescribed_on")
        .unique(subset="patient_id", keep="first", maintain_order=True)
        .with_columns(
            pl.col("heel_post_deg").fill_null(0.0),
            pl.col("forefoot_post_deg").fill_null(0.0),
        )
    )
    return df


def to_frame(df):
    X = df.select(CATEGORICAL + [pl.col(c).cast(pl.Float64) for c in NUMERIC]).to_pandas()
    y = df.get_column(TARGET).cast(pl.Int8).to_numpy()
    return X, y


def build_model():
    encoder = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan,
                                encoded_missing_value=np.nan), CATEGORICAL)],
        remainder="passthrough",
        verbose_feature_names_out=False,
    )
    cat_mask = [True] * len(CATEGORICAL) + [False] * len(NUMERIC)
    hgb = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=400,
        max_leaf_nodes=31,
        l2_regularization=1.0,
        categorical_features=cat_mask,
        class_weight="balanced",
        random_state=11,
    )
    return Pipeline([("encode", encoder), ("hgb", hgb)])


def best_threshold(y_true, proba):
    grid = np.linspace(0.05, 0.8, 76)
    scores = [f1_score(y_true, proba >= t) for t in grid]
    i = int(np.argmax(scores))
    return grid[i], scores[i]


def main():
    df = load_prescriptions(DATA)
    print(df.group_by("capture_method").agg(pl.col(TARGET).mean().alias("remake_rate")))

    X, y = to_frame(df)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=11
    )

    clf = build_model()
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, stratify=y_train, random_state=11
    )
    clf.fit(X_fit, y_fit)

    threshold, _ = best_threshold(y_val, clf.predict_proba(X_val)[:, 1])
    proba_test = clf.predict_proba(X_test)[:, 1]

    pred = proba_test >= threshold
    print(f"threshold:  {threshold:.2f}")
    print(f"ROC AUC:    {roc_auc_score(y_test, proba_test):.3f}")
    print(f"F1:         {f1_score(y_test, pred):.3f}")
    print(f"precision:  {precision_score(y_test, pred):.3f}")
    print(f"recall:     {recall_score(y_test, pred):.3f}")
    print(f"flagged share of prescriptions: {pred.mean():.1%}")


if __name__ == "__main__":
    main()
