# label: leakage/none
# twin: sel_kbest_loop__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
# %% [markdown]
# # How many genes do we need?
# %%
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline

expr = pd.read_csv("expression.csv", index_col=0)
pheno = pd.read_csv("phenotype.csv", index_col=0)["responder"]
Xtr, Xte, ytr, yte = train_test_split(expr, pheno, test_size=0.3, stratify=pheno, random_state=1)

# %%
pipe = Pipeline([("select", SelectKBest(f_classif)), ("clf", LogisticRegression(C=0.1, max_iter=5000))])
search = GridSearchCV(
    pipe,
    {"select__k": [10, 20, 50, 100, 200, 500]},
    scoring="balanced_accuracy",
    cv=StratifiedKFold(5, shuffle=True, random_state=1),
)
search.fit(Xtr, ytr)

# %%
best_k = search.best_params_["select__k"]
print(f"{best_k} genes -> balanced accuracy {balanced_accuracy_score(yte, search.predict(Xte)):.3f} on held-out patients")
