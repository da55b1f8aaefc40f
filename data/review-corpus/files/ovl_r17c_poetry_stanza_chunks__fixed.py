# label: leakage/none
# twin: ovl_r17c_poetry_stanza_chunks__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import re
import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline, FeatureUnion
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC
from sklearn.model_selection import GroupShuffleSplit
from sklearn.metrics import classification_report, confusion_matrix, f1_score

AUTHORS = ["dickinson", "whitman", "frost", "yeats", "rossetti", "hopkins", "hardy", "teasdale"]
MIN_LINES = 3


class StanzaSplitter:
    def __init__(self, min_lines=MIN_LINES):
        self.min_lines = min_lines

    def split(self, text):
        blocks = re.split(r"\n\s*\n", text.strip())
        out = []
        for b in blocks:
            lines = [ln.strip() for ln in b.splitlines() if ln.strip()]
            if len(lines) >= self.min_lines:
                out.append("\n".join(lines))
        return out

    def explode(self, poems):
        rows = []
        for rec in poems.itertuples(index=False):
            for j, st in enumerate(self.split(rec.text)):
                rows.append({"poem_id": rec.poem_id, "author": rec.author, "stanza_no": j, "text": st})
        return pd.DataFrame(rows)


def normalise(text):
    text = text.replace("\u2019", "'").replace("\u2014", " - ")
    return re.sub(r"[ \t]+", " ", text).lower()


poems = pd.read_json("corpus/public_domain_poems.jsonl", lines=True)
poems = poems[poems["author"].isin(AUTHORS)].drop_duplicates("poem_id")
print(poems["author"].value_counts())

stanzas = StanzaSplitter().explode(poems)
stanzas["text"] = stanzas["text"].map(normalise)
print("stanzas:", len(stanzas), "poems:", stanzas["poem_id"].nunique())

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=13)
tr_idx, te_idx = next(gss.split(stanzas, stanzas["author"], groups=stanzas["poem_id"]))
train_df, test_df = stanzas.iloc[tr_idx], stanzas.iloc[te_idx]

features = FeatureUnion([
    ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
    ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True)),
])
clf = Pipeline([("feats", features), ("svm", LinearSVC(C=0.5, class_weight="balanced"))])
clf.fit(train_df["text"], train_df["author"])

pred = clf.predict(test_df["text"])
print(classification_report(test_df["author"], pred, digits=3))
print("macro F1:", round(f1_score(test_df["author"], pred, average="macro"), 4))

cm = pd.DataFrame(
    confusion_matrix(test_df["author"], pred, labels=AUTHORS), index=AUTHORS, columns=AUTHORS
)
print(cm)

poem_vote = (
    test_df.assign(pred=pred)
    .groupby("poem_id")
    .agg(author=("author", "first"), pred=("pred", lambda s: s.value_counts().index[0]))
)
print("poem-level accuracy:", round((poem_vote["author"] == poem_vote["pred"]).mean(), 4))
