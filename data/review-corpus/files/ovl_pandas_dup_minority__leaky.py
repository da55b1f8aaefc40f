# label: leakage/overlap
# twin: ovl_pandas_dup_minority__fixed.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split

claims = pd.read_csv("claims.csv")
fraud = claims[claims["fraudulent"] == 1]
honest = claims[claims["fraudulent"] == 0]

# oversample the rare class by repeating its rows until both classes have the same size
balanced = pd.concat([honest, fraud.sample(n=len(honest), replace=True, random_state=8)]).reset_index(drop=True)

train_df, test_df = train_test_split(balanced, test_size=0.2, stratify=balanced["fraudulent"], random_state=8)
features = [c for c in claims.columns if c not in ("fraudulent", "claim_id")]

rf = RandomForestClassifier(n_estimators=400, random_state=8, n_jobs=-1)
rf.fit(train_df[features], train_df["fraudulent"])
print(classification_report(test_df["fraudulent"], rf.predict(test_df[features])))
