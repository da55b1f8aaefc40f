# label: leakage/selection
# twin: sel_catboost_depth_test_logloss__fixed.py
# source: hand-written for ai-ci held-out v5, in the style of CatBoost tutorials (Apache-2.0)
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.model_selection import train_test_split

df = pd.read_csv("adult.csv")
y = (df.pop("income") == ">50K").astype(int)
cat_features = ["workclass", "education", "marital_status", "occupation", "relationship", "race", "sex", "native_country"]
X_train, X_test, y_train, y_test = train_test_split(df, y, test_size=0.2, random_state=3, stratify=y)
train_pool = Pool(X_train, y_train, cat_features=cat_features)
test_pool = Pool(X_test, y_test, cat_features=cat_features)

results = {}
for depth in (4, 6, 8, 10):
    model = CatBoostClassifier(iterations=500, depth=depth, learning_rate=0.05, random_seed=3, verbose=0)
    model.fit(train_pool)
    results[depth] = model.eval_metrics(test_pool, ["Logloss"])["Logloss"][-1]

best_depth = min(results, key=results.get)
print("depth", best_depth, "test logloss", results[best_depth])
