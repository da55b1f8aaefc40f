# label: leakage/selection
# twin: sel_kbest_loop__fixed.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
# %% [markdown]
# # How many genes do we need?
# %%
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

expr = pd.read_csv("expression.csv", index_col=0)
pheno = pd.read_csv("phenotype.csv", index_col=0)["responder"]
Xtr, Xte, ytr, yte = train_test_split(expr, pheno, test_size=0.3, stratify=pheno, random_state=1)

# %%
results = {}
for k in [10, 20, 50, 100, 200, 500]:
    pipe = Pipeline([("select", SelectKBest(f_classif, k=k)), ("clf", LogisticRegression(C=0.1, max_iter=5000))])
    pipe.fit(Xtr, ytr)
    results[k] = balanced_accuracy_score(yte, pipe.predict(Xte))

# %%
best_k = max(results, key=results.get)
print(f"{best_k} genes -> balanced accuracy {results[best_k]:.3f} on held-out patients")
