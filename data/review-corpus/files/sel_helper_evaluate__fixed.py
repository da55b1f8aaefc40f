# label: leakage/none
# twin: sel_helper_evaluate__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split


def load_data(path):
    df = pd.read_csv(path)
    return df.drop(columns=["is_fraud", "transaction_id"]), df["is_fraud"]


def evaluate(model, features, labels):
    return f1_score(labels, model.predict(features))


X, y = load_data("transactions.csv")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, stratify=y_train, random_state=0)

candidates = {
    "logreg": LogisticRegression(max_iter=2000, class_weight="balanced"),
    "forest": RandomForestClassifier(n_estimators=300, random_state=0),
    "gbm": GradientBoostingClassifier(random_state=0),
}
scores = {}
for name, model in candidates.items():
    model.fit(X_fit, y_fit)
    scores[name] = evaluate(model, X_val, y_val)

winner = max(scores, key=scores.get)
final = candidates[winner].fit(X_train, y_train)
print(f"selected {winner}: test F1 = {evaluate(final, X_test, y_test):.3f}")
