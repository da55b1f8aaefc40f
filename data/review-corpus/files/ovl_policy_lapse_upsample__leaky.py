# label: leaky overlap
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

policies = pd.read_csv("data/life_policies_snapshot.csv")

cat_features = ["product", "payment_frequency", "sales_channel", "region"]
num_features = ["issue_age", "annual_premium", "sum_assured", "policy_year",
                "missed_payments_12m", "riders_count"]
target = "lapsed_next_12m"
features = cat_features + num_features

data = policies[features + [target]].dropna()

majority = data[data[target] == 0]
minority = data[data[target] == 1]
minority_up = resample(
    minority, replace=True, n_samples=len(majority) // 2, random_state=17
)
balanced = pd.concat([majority, minority_up]).sample(frac=1.0, random_state=17)

train, test = train_test_split(
    balanced, test_size=0.2, stratify=balanced[target], random_state=17
)

model = CatBoostClassifier(
    iterations=1500, depth=6, learning_rate=0.05,
    loss_function="Logloss", random_seed=17, verbose=300,
)
model.fit(train[features], train[target], cat_features=cat_features)

proba = model.predict_proba(test[features])[:, 1]
print("AUC:", round(roc_auc_score(test[target], proba), 4))
print("F1 @0.5:", round(f1_score(test[target], proba >= 0.5), 4))
