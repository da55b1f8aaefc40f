# label: leakage/none
# twin: tgt_icu_labs_whole_stay_aggregates__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

stays = pd.read_csv("icu_stays.csv", parse_dates=["admit_time"])            # one row per stay, label: sepsis
labs = pd.read_csv("icu_labs.csv", parse_dates=["charted_at"])               # many rows per stay

# summary of each lab over the first 6 hours only: the prediction is made 6 hours after admission
labs = labs.merge(stays[["stay_id", "admit_time"]], on="stay_id")
early = labs[labs["charted_at"] <= labs["admit_time"] + pd.Timedelta(hours=6)]
agg = early.pivot_table(index="stay_id", columns="lab", values="value", aggfunc=["max", "mean"])
agg.columns = [f"{lab}_{fn}" for fn, lab in agg.columns]
data = stays.set_index("stay_id").join(agg, how="left")

features = ["age", "admit_emergency"] + list(agg.columns)
X_train, X_test, y_train, y_test = train_test_split(
    data[features].fillna(-1), data["sepsis"], test_size=0.2, stratify=data["sepsis"], random_state=77
)
clf = RandomForestClassifier(n_estimators=500, min_samples_leaf=3, random_state=77).fit(X_train, y_train)
print("AUROC", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
