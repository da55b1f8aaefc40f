# label: leakage/overlap
"""Triage model for trampoline-park incidents: will the first-aider refer the jumper to ER?"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.utils import resample

REPORTS = "incident_reports_2019_2024.csv"
LABEL = "er_referral"
CATS = ["zone", "activity", "mechanism", "body_part", "session_type", "jumper_age_band",
        "weekday", "surface_condition"]
NUMS = ["jumpers_in_zone", "minutes_into_session", "staff_on_floor", "park_capacity_pct",
        "jumper_weight_kg"]


class IncidentData:
    def __init__(self, path):
        self.df = pd.read_csv(path)

    def clean(self):
        df = self.df.dropna(subset=[LABEL]).copy()
        df[CATS] = df[CATS].fillna("unknown").astype(str)
        df["zone"] = df["zone"].str.lower().str.replace(" ", "_")
        df = df[df["minutes_into_session"].between(0, 240) | df["minutes_into_session"].isna()]
        self.df = df
        return self

    def balance(self, ratio=0.5):
        df = self.df
        minority = df[df[LABEL] == 1]
        majority = df[df[LABEL] == 0]
        n_target = int(len(majority) * ratio)
        upsampled = resample(minority, replace=True, n_samples=n_target, random_state=4)
        self.df = pd.concat([majority, upsampled]).sample(frac=1.0, random_state=4)
        return self


def build_pipeline():
    features = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=5), CATS),
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMS),
    ])
    return Pipeline([("features", features), ("clf", LogisticRegression(C=1.0, max_iter=3000))])


data = IncidentData(REPORTS).clean().balance(ratio=0.5)
df = data.df
print(df[LABEL].value_counts())

train_df, test_df = train_test_split(df, test_size=0.2, stratify=df[LABEL], random_state=4)

pipe = build_pipeline()
pipe.fit(train_df[CATS + NUMS], train_df[LABEL])

pred = pipe.predict(test_df[CATS + NUMS])
print(confusion_matrix(test_df[LABEL], pred))
print(classification_report(test_df[LABEL], pred, digits=3))

names = pipe.named_steps["features"].get_feature_names_out()
coefs = pd.Series(pipe.named_steps["clf"].coef_[0], index=names).sort_values(ascending=False)
print("strongest referral indicators:")
print(coefs.head(15).round(3))
print("strongest non-referral indicators:")
print(coefs.tail(10).round(3))
