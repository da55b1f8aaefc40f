# label: leakage/none
# twin: ovl_pandas_dup_minority__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split

claims = pd.read_csv("claims.csv")
train_df, test_df = train_test_split(claims, test_size=0.2, stratify=claims["fraudulent"], random_state=8)

fraud = train_df[train_df["fraudulent"] == 1]
honest = train_df[train_df["fraudulent"] == 0]

# oversample the rare class of the training rows by repeating them until both classes have the same size
train_df = pd.concat([honest, fraud.sample(n=len(honest), replace=True, random_state=8)]).reset_index(drop=True)
features = [c for c in claims.columns if c not in ("fraudulent", "claim_id")]

rf = RandomForestClassifier(n_estimators=400, random_state=8, n_jobs=-1)
rf.fit(train_df[features], train_df["fraudulent"])
print(classification_report(test_df["fraudulent"], rf.predict(test_df[features])))
