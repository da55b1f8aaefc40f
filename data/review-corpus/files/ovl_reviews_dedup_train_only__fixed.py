# label: leakage/none
# twin: ovl_reviews_dedup_train_only__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

# the store was scraped twice, so many reviews appear more than once
reviews = pd.read_csv("app_reviews.csv")
print(f"{reviews.duplicated(subset='text').mean():.1%} duplicated texts")
reviews = reviews.drop_duplicates(subset="text")

train, test = train_test_split(reviews, test_size=0.2, stratify=reviews["label"], random_state=3)

model = make_pipeline(TfidfVectorizer(min_df=2, ngram_range=(1, 2)), LogisticRegression(max_iter=1000))
model.fit(train["text"], train["label"])
print("test macro F1", f1_score(test["label"], model.predict(test["text"]), average="macro"))
