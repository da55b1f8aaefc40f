# label: leakage/selection
# twin: sel_imblearn_sampler_choice__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from imblearn.over_sampling import ADASYN, SMOTE, RandomOverSampler
from imblearn.pipeline import make_pipeline
from imblearn.under_sampling import RandomUnderSampler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

claims = pd.read_parquet("warranty_claims.parquet")
X = claims.drop(columns=["claim_id", "is_fraud"])
y = claims["is_fraud"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, test_size=0.3, random_state=11)

samplers = {
    "ros": RandomOverSampler(random_state=0),
    "smote": SMOTE(random_state=0),
    "adasyn": ADASYN(random_state=0),
    "rus": RandomUnderSampler(random_state=0),
}
scores = {}
for name, sampler in samplers.items():
    pipe = make_pipeline(StandardScaler(), sampler, LogisticRegression(max_iter=2000))
    pipe.fit(X_train, y_train)
    scores[name] = balanced_accuracy_score(y_test, pipe.predict(X_test))

winner = max(scores, key=scores.get)
print(f"best resampling: {winner}, balanced accuracy {scores[winner]:.3f}")
