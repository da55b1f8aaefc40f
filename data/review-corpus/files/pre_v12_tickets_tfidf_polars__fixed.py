# label: leakage/none
# twin: pre_v12_tickets_tfidf_polars__leaky.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import polars as pl
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

tickets = (
    pl.read_parquet("data/support_tickets.parquet")
    .filter(pl.col("body").is_not_null())
    .with_columns((pl.col("subject") + " " + pl.col("body")).str.to_lowercase().alias("text"))
)
texts = tickets["text"].to_list()
labels = tickets["queue"].to_list()

vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=50_000, sublinear_tf=True)
txt_train, txt_test, y_train, y_test = train_test_split(
    texts, labels, test_size=0.2, stratify=labels, random_state=5
)
X_train = vec.fit_transform(txt_train)
X_test = vec.transform(txt_test)

svm = LinearSVC(C=0.7, class_weight="balanced")
svm.fit(X_train, y_train)
print("macro F1:", f1_score(y_test, svm.predict(X_test), average="macro"))
