# label: leakage/preprocessing
# Routing listener mail for the "Slow Roads" travel podcast network.
# Emails to the shared inbox were hand-tagged by the producers over two years:
# guest_pitch, sponsor_enquiry, episode_feedback, tech_issue (feed / app
# problems), merch_order, other.
import re

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split

INBOX = "exports/inbox_tagged_2023_2024.jsonl"
URL_RE = re.compile(r"https?://\S+")
EMAIL_RE = re.compile(r"\S+@\S+")
QUOTED_RE = re.compile(r"^>.*$", flags=re.MULTILINE)


def clean(text):
    text = QUOTED_RE.sub(" ", text)
    text = URL_RE.sub(" urltoken ", text)
    text = EMAIL_RE.sub(" emailtoken ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


mail = pd.read_json(INBOX, lines=True)
mail = mail[mail["tag"].notna() & (mail["tag"] != "spam")]
mail = mail.drop_duplicates(subset=["message_id"])
mail["doc"] = (mail["subject"].fillna("") + " . " + mail["body"].fillna("")).map(clean)
print(mail["tag"].value_counts())

vectorizer = TfidfVectorizer(
    ngram_range=(1, 2),
    min_df=3,
    max_df=0.6,
    sublinear_tf=True,
    stop_words="english",
)
X = vectorizer.fit_transform(mail["doc"])
y = mail["tag"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=8
)

clf = SGDClassifier(
    loss="modified_huber",
    alpha=2e-5,
    penalty="l2",
    class_weight="balanced",
    max_iter=50,
    random_state=8,
)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print(classification_report(y_test, pred, digits=3))
print(f"macro F1: {f1_score(y_test, pred, average='macro'):.3f}")
labels = sorted(set(y))
print(pd.DataFrame(confusion_matrix(y_test, pred, labels=labels), index=labels, columns=labels))

vocab = vectorizer.get_feature_names_out()
for i, tag in enumerate(clf.classes_):
    top = clf.coef_[i].argsort()[-8:][::-1]
    print(f"{tag:18s}", ", ".join(vocab[j] for j in top))
