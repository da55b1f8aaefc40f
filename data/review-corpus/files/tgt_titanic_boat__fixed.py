# label: leakage/none
# twin: tgt_titanic_boat__leaky.py
# source: hand-written for ai-ci held-out v2 on the OpenML titanic data used by scikit-learn's examples (Apache-2.0)
from sklearn.compose import make_column_transformer
from sklearn.datasets import fetch_openml
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder

titanic = fetch_openml("titanic", version=1, as_frame=True)
df = titanic.frame
# family size aboard
df["family_size"] = df["sibsp"] + df["parch"] + 1

numeric = ["age", "fare", "sibsp", "parch", "family_size"]
categorical = ["pclass", "sex", "embarked"]
X = df[numeric + categorical]
y = df["survived"]

X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, test_size=0.25, random_state=0)
model = make_pipeline(
    make_column_transformer(
        (SimpleImputer(strategy="median"), numeric),
        (OneHotEncoder(handle_unknown="ignore"), categorical),
    ),
    RandomForestClassifier(n_estimators=300, random_state=0),
)
model.fit(X_train, y_train)
print("test accuracy", model.score(X_test, y_test))
