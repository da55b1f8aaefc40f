# label: leakage/none
# twin: ovl_smotetomek_loader_gridsearch__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from imblearn.combine import SMOTETomek
from imblearn.pipeline import Pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import GridSearchCV, train_test_split


def load(path):
    df = pd.read_csv(path)
    X = df.drop(columns=["Class", "Time"])
    y = df["Class"]
    return X, y


X, y = load("creditcard.csv")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)

search = GridSearchCV(
    Pipeline([("balance", SMOTETomek(random_state=0)), ("rf", RandomForestClassifier(n_jobs=-1, random_state=0))]),
    {"rf__max_depth": [6, 10, None], "rf__min_samples_leaf": [1, 5]},
    scoring="average_precision",
    cv=3,
)
search.fit(X_train, y_train)
print(search.best_params_)
print(classification_report(y_test, search.predict(X_test), digits=4))
