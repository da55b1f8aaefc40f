# label: leakage/none
"""Trade routing for tenant repair requests.

Tenants describe the problem in free text via the portal or the contact centre;
the model suggests which trade team (plumbing, electrical, joinery, damp &
mould, roofing, heating, general) should receive the job.
"""
import re

import joblib
import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_val_score
from sklearn.pipeline import Pipeline

PROPERTY_REF = re.compile(r"\b[A-Z]{2}\d{5,6}\b")
PHONE = re.compile(r"\b0\d{9,10}\b")


def clean(text: str) -> str:
    text = PROPERTY_REF.sub(" propref ", str(text))
    text = PHONE.sub(" phone ", text)
    text = text.lower().replace("&", " and ")
    return re.sub(r"\s+", " ", text).strip()


def load_requests(path):
    df = pd.read_csv(path, usecols=["job_id", "raised_on", "channel", "description", "trade"])
    df = df.dropna(subset=["description", "trade"])
    df = df[df["trade"] != "cancelled"]
    df["text"] = df["description"].map(clean)
    return df.drop_duplicates("job_id")


def make_router(n_components=300):
    return Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.6, sublinear_tf=True)),
        ("svd", TruncatedSVD(n_components=n_components, random_state=0)),
        ("clf", LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced")),
    ])


requests = load_requests("crm/repair_requests_2021_2024.csv")
y = requests["trade"].to_numpy()
print(requests["trade"].value_counts())

texts = requests["text"]
router = make_router()
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=21)

scores = cross_val_score(router, texts, y, cv=cv, scoring="f1_macro")
print(f"macro F1 {scores.mean():.3f} +/- {scores.std():.3f}")

oof = cross_val_predict(router, texts, y, cv=cv)
print(classification_report(y, oof, digits=3))

router.fit(texts, y)
print(f"explained variance kept: {router['svd'].explained_variance_ratio_.sum():.2%}")
joblib.dump(router, "models/repair_trade_router.joblib")
print("saved router with", len(np.unique(y)), "trades")
