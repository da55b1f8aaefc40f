# label: leakage/preprocessing
import re
import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit
from sklearn.metrics import roc_auc_score, classification_report

OFFERS = "data/carpool_offers_2023.parquet"
TARGET = "got_passenger"
NUMERIC = [
    "seats_offered", "price_per_seat", "detour_km", "departure_hour",
    "days_before_departure", "driver_rating", "driver_trips", "route_km",
]
TFIDF = dict(ngram_range=(1, 2), min_df=5, max_df=0.6, sublinear_tf=True, max_features=20000)


def clean_note(text):
    text = str(text).lower()
    text = re.sub(r"\+?\d[\d\s-]{7,}\d", " <phone> ", text)
    text = re.sub(r"https?://\S+", " <url> ", text)
    text = re.sub(r"[^a-zà-ÿ0-9<>\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def top_terms(vec, clf, n=15):
    vocab = np.array(vec.get_feature_names_out())
    w = clf.coef_[0][: len(vocab)]
    order = np.argsort(w)
    return list(vocab[order[-n:]][::-1]), list(vocab[order[:n]])


offers = pd.read_parquet(OFFERS)
offers = offers[offers["status"] != "cancelled_by_driver"].reset_index(drop=True)
offers["note_clean"] = offers["driver_note"].fillna("").map(clean_note)
offers["note_len"] = offers["note_clean"].str.split().str.len()
numeric = NUMERIC + ["note_len"]
print(offers.shape, offers[TARGET].mean().round(3))

vec = TfidfVectorizer(**TFIDF)
text_all = vec.fit_transform(offers["note_clean"])

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=17)
idx_train, idx_test = next(gss.split(offers, groups=offers["driver_id"]))
train, test = offers.iloc[idx_train], offers.iloc[idx_test]
text_train, text_test = text_all[idx_train], text_all[idx_test]

scaler = StandardScaler().fit(train[numeric])
X_train = sparse.hstack([text_train, sparse.csr_matrix(scaler.transform(train[numeric]))]).tocsr()
X_test = sparse.hstack([text_test, sparse.csr_matrix(scaler.transform(test[numeric]))]).tocsr()

clf = LogisticRegression(C=2.0, max_iter=3000, solver="liblinear")
clf.fit(X_train, train[TARGET])

proba = clf.predict_proba(X_test)[:, 1]
print("test ROC AUC:", round(roc_auc_score(test[TARGET], proba), 4))
print(classification_report(test[TARGET], proba >= 0.5, digits=3))

pos, neg = top_terms(vec, clf)
print("terms with most bookings:", ", ".join(pos))
print("terms with fewest bookings:", ", ".join(neg))

by_hour = test.assign(p=proba).groupby("departure_hour")[["p", TARGET]].mean()
print(by_hour.round(3).to_string())
