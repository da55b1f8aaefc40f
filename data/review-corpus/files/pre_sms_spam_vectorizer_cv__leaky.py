# label: leakage/preprocessing
# twin: pre_sms_spam_vectorizer_cv__fixed.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.naive_bayes import ComplementNB

sms = pd.read_csv("SMSSpamCollection", sep="\t", names=["label", "message"])
sms["is_spam"] = sms["label"].eq("spam").astype(int)
sms["message"] = sms["message"].str.lower().str.replace(r"\d+", " <num> ", regex=True)

vectorizer = TfidfVectorizer(stop_words="english", min_df=3, max_df=0.9)
X = vectorizer.fit_transform(sms["message"])
y = sms["is_spam"].values

cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=8)
for alpha in (0.3,):
    scores = cross_val_score(ComplementNB(alpha=alpha), X, y, cv=cv, scoring="f1")
    print(f"alpha={alpha}: F1 {scores.mean():.3f} +/- {scores.std():.3f}")
