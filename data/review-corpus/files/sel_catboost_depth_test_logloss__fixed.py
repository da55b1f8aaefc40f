# label: leakage/none
# twin: sel_catboost_depth_test_logloss__leaky.py
# source: hand-written for ai-ci held-out v5, in the style of CatBoost tutorials (Apache-2.0)
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.model_selection import train_test_split

df = pd.read_csv("adult.csv")
y = (df.pop("income") == ">50K").astype(int)
cat_features = ["workclass", "education", "marital_status", "occupation", "relationship", "race", "sex", "native_country"]
X_dev, X_test, y_dev, y_test = train_test_split(df, y, test_size=0.2, random_state=3, stratify=y)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.2, random_state=3, stratify=y_dev)
train_pool = Pool(X_train, y_train, cat_features=cat_features)
val_pool = Pool(X_val, y_val, cat_features=cat_features)
test_pool = Pool(X_test, y_test, cat_features=cat_features)

results, models = {}, {}
for depth in (4, 6, 8, 10):
    model = CatBoostClassifier(iterations=500, depth=depth, learning_rate=0.05, random_seed=3, verbose=0)
    model.fit(train_pool)
    results[depth] = model.eval_metrics(val_pool, ["Logloss"])["Logloss"][-1]
    models[depth] = model

best_depth = min(results, key=results.get)
print("depth", best_depth, "validation logloss", results[best_depth])
print("test logloss", models[best_depth].eval_metrics(test_pool, ["Logloss"])["Logloss"][-1])
