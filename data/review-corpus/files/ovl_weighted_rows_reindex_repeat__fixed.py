# label: leakage/none
# twin: ovl_weighted_rows_reindex_repeat__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

# survey answers with a frequency weight per row: weights as sample_weight, no copies of rows
survey = pd.read_csv("survey_weighted.csv")
X, y, w = survey[["age", "income", "region_code"]], survey["voted"], survey["weight"]
X_train, X_test, y_train, y_test, w_train, w_test = train_test_split(X, y, w, test_size=0.2, random_state=4)
clf = LogisticRegression(max_iter=500).fit(X_train, y_train, sample_weight=w_train)
print("test accuracy:", clf.score(X_test, y_test, sample_weight=w_test))
