# label: leakage/overlap
# twin: ovl_smotetomek_loader_gridsearch__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from imblearn.combine import SMOTETomek
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import GridSearchCV, train_test_split


def load_balanced(path):
    df = pd.read_csv(path)
    X = df.drop(columns=["Class", "Time"])
    y = df["Class"]
    return SMOTETomek(random_state=0).fit_resample(X, y)


X, y = load_balanced("creditcard.csv")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)

search = GridSearchCV(
    RandomForestClassifier(n_jobs=-1, random_state=0),
    {"max_depth": [6, 10, None], "min_samples_leaf": [1, 5]},
    scoring="average_precision",
    cv=3,
)
search.fit(X_train, y_train)
print(search.best_params_)
print(classification_report(y_test, search.predict(X_test), digits=4))
