# label: leaky selection
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

emails = pd.read_csv("data/inbound_email_features.csv")

feature_cols = [
    "num_links", "num_external_links", "has_ip_in_url", "url_max_length",
    "sender_domain_age_days", "display_name_mismatch", "subject_len",
    "subject_urgent_terms", "num_attachments", "has_macro_attachment",
    "spf_pass", "dkim_pass", "dmarc_pass", "html_to_text_ratio",
]
X = emails[feature_cols]
y = emails["is_phishing"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=21
)

clf = make_pipeline(
    StandardScaler(),
    LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000),
)
clf.fit(X_train, y_train)
test_scores = clf.predict_proba(X_test)[:, 1]


def pick_threshold(y_true, scores):
    grid = np.linspace(0.05, 0.95, 91)
    f1s = [f1_score(y_true, scores >= t) for t in grid]
    return grid[int(np.argmax(f1s))]


threshold = pick_threshold(y_test, test_scores)
y_pred = (test_scores >= threshold).astype(int)

print(f"operating threshold: {threshold:.2f}")
print(f"precision: {precision_score(y_test, y_pred):.3f}")
print(f"recall:    {recall_score(y_test, y_pred):.3f}")
print(f"F1:        {f1_score(y_test, y_pred):.3f}")
