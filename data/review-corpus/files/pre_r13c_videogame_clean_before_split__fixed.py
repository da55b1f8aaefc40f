# label: leakage/none
# twin: pre_r13c_videogame_clean_before_split__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score

# one row per title (platform releases already aggregated)
games = pd.read_csv("vg_titles_with_reviews.csv")
games["hit"] = (games["global_sales_m"] >= 1.0).astype(int)
features = ["year_of_release", "critic_score", "critic_count", "n_platforms",
            "publisher_prior_titles", "is_sequel", "esrb_code", "launch_price_usd"]


def clean(frame, ref):
    filled_ref = ref.fillna(ref.mean())
    frame = frame.fillna(ref.mean())
    return (frame - filled_ref.mean()) / filled_ref.std()


X = games[features]
y = games["hit"]
print("hit rate:", y.mean())

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=11
)
X_train, X_test = clean(X_train, X_train), clean(X_test, X_train)

clf = LogisticRegression(max_iter=1000, class_weight="balanced")
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print("test ROC AUC:", roc_auc_score(y_test, proba))
print(classification_report(y_test, clf.predict(X_test), target_names=["flop", "hit"]))

coefs = pd.Series(clf.coef_[0], index=features).sort_values()
print(coefs)
