# label: leakage/preprocessing
# Suggests the HS chapter for an import declaration line from the trader's free-text
# goods description, so brokers get a pre-filled chapter to confirm.
import polars as pl
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

MIN_LINES_PER_CHAPTER = 200

lines = (
    pl.read_parquet("data/declaration_lines_2023.parquet")
    .filter(pl.col("goods_description").is_not_null() & pl.col("hs_code").is_not_null())
    .with_columns(
        pl.col("hs_code").cast(pl.Utf8).str.zfill(10).str.slice(0, 2).alias("hs_chapter"),
        pl.col("goods_description")
        .str.to_lowercase()
        .str.replace_all(r"[^a-z0-9%/\.\- ]", " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
        .alias("text"),
    )
    .filter(pl.col("text").str.len_chars() >= 4)
)

chapter_counts = lines.group_by("hs_chapter").len()
kept = chapter_counts.filter(pl.col("len") >= MIN_LINES_PER_CHAPTER)["hs_chapter"]
lines = lines.filter(pl.col("hs_chapter").is_in(kept.implode()))
print(f"{lines.height} lines, {kept.len()} chapters")

# one row per declaration line; add origin country and procedure code as tokens
lines = lines.with_columns(
    (pl.col("text") + " origin_" + pl.col("origin_country").str.to_lowercase()
     + " cpc_" + pl.col("procedure_code").cast(pl.Utf8)).alias("doc")
)

docs = lines["doc"].to_list()
labels = lines["hs_chapter"].to_numpy()

vectorizer = TfidfVectorizer(
    ngram_range=(1, 2),
    min_df=3,
    max_df=0.5,
    sublinear_tf=True,
    max_features=200_000,
)
X = vectorizer.fit_transform(docs)

X_train, X_test, y_train, y_test = train_test_split(
    X, labels, test_size=0.2, stratify=labels, random_state=5
)

clf = SGDClassifier(
    loss="modified_huber",
    alpha=2e-6,
    penalty="l2",
    max_iter=40,
    tol=1e-4,
    class_weight="balanced",
    random_state=5,
)
clf.fit(X_train, y_train)

pred = clf.predict(X_test)
proba = clf.predict_proba(X_test)
top3 = clf.classes_[proba.argsort(axis=1)[:, -3:]]
top3_hit = (top3 == y_test[:, None]).any(axis=1).mean()

print(f"accuracy     : {accuracy_score(y_test, pred):.3f}")
print(f"macro F1     : {f1_score(y_test, pred, average='macro'):.3f}")
print(f"top-3 hit    : {top3_hit:.3f}")
print(classification_report(y_test, pred, digits=3, zero_division=0))
