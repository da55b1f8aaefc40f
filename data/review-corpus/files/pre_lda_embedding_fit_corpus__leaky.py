# label: leakage/preprocessing
# twin: pre_lda_embedding_fit_corpus__fixed.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.decomposition import LatentDirichletAllocation
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

tickets = pd.read_csv("support_tickets.csv")
texts, team = tickets["body"], tickets["assigned_team"]

counts = CountVectorizer(max_df=0.9, min_df=5, stop_words="english")
lda = LatentDirichletAllocation(n_components=30, learning_method="online", random_state=17)
topics = lda.fit_transform(counts.fit_transform(texts))

X_train, X_test, y_train, y_test = train_test_split(topics, team, test_size=0.2, stratify=team, random_state=17)
clf = RandomForestClassifier(n_estimators=500, random_state=17).fit(X_train, y_train)
print("macro F1", f1_score(y_test, clf.predict(X_test), average="macro"))
