# label: leakage/none
# twin: sel_wine_quality__leaky.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier, GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import accuracy_score

df = pd.read_csv("data/winequality-red.csv", sep=";")
df["good"] = (df["quality"] >= 7).astype(int)
X = df.drop(columns=["quality", "good"])
y = df["good"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=7)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, stratify=y_train, random_state=7)

candidates = {
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)),
    "rf": RandomForestClassifier(n_estimators=400, random_state=7),
    "gbm": GradientBoostingClassifier(random_state=7),
}

scores = {}
for name, model in candidates.items():
    model.fit(X_fit, y_fit)
    scores[name] = accuracy_score(y_val, model.predict(X_val))
    print(f"{name:>7}: {scores[name]:.3f}")

best_name = max(scores, key=scores.get)
best = candidates[best_name].fit(X_train, y_train)
print(f"best model: {best_name}, test accuracy = {accuracy_score(y_test, best.predict(X_test)):.3f}")
