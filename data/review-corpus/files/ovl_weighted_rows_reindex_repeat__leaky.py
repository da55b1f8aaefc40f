# label: leakage/overlap
# twin: ovl_weighted_rows_reindex_repeat__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

# survey answers with a frequency weight per row
survey = pd.read_csv("survey_weighted.csv")
expanded = survey.reindex(survey.index.repeat(survey["weight"])).reset_index(drop=True)
X, y = expanded[["age", "income", "region_code"]], expanded["voted"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=4)
clf = LogisticRegression(max_iter=500).fit(X_train, y_train)
print("test accuracy:", clf.score(X_test, y_test))
