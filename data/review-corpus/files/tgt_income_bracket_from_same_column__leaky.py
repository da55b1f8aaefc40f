# label: leakage/target
# twin: tgt_income_bracket_from_same_column__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split

census = pd.read_csv("household_survey.csv")
census["high_income"] = (census["household_income"] > 75_000).astype(int)
census["income_decile"] = pd.qcut(census["household_income"], 10, labels=False)
census["log_rent"] = np.log1p(census["monthly_rent"])

cols = ["age_head", "n_members", "log_rent", "income_decile", "region_code"]
tr, te = train_test_split(census, test_size=0.25, random_state=6, stratify=census["high_income"])
clf = HistGradientBoostingClassifier().fit(tr[cols], tr["high_income"])
print("accuracy:", clf.score(te[cols], te["high_income"]))
