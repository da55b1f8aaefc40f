# label: leakage/none
# twin: sel_imblearn_sampler_choice__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from imblearn.over_sampling import ADASYN, SMOTE, RandomOverSampler
from imblearn.pipeline import make_pipeline
from imblearn.under_sampling import RandomUnderSampler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import cross_val_score, train_test_split
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
    scores[name] = cross_val_score(pipe, X_train, y_train, cv=5, scoring="balanced_accuracy").mean()

winner = max(scores, key=scores.get)
final = make_pipeline(StandardScaler(), samplers[winner], LogisticRegression(max_iter=2000)).fit(X_train, y_train)
print(f"best resampling: {winner}, balanced accuracy {balanced_accuracy_score(y_test, final.predict(X_test)):.3f}")
