# label: leakage/preprocessing
# twin: pre_vif_prune_before_cv__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from statsmodels.stats.outliers_influence import variance_inflation_factor
from statsmodels.tools.tools import add_constant


def prune_by_vif(frame: pd.DataFrame, threshold: float = 10.0) -> list:
    cols = list(frame.columns)
    while len(cols) > 2:
        exog = add_constant(frame[cols]).to_numpy()
        vifs = pd.Series([variance_inflation_factor(exog, i + 1) for i in range(len(cols))], index=cols)
        if vifs.max() < threshold:
            break
        cols.remove(vifs.idxmax())
    return cols


survey = pd.read_csv("data/household_survey_wave3.csv")
y = survey["food_insecure"]
X = survey.drop(columns=["household_id", "food_insecure"]).select_dtypes("number").fillna(0)

kept = prune_by_vif(X)
print(f"kept {len(kept)}/{X.shape[1]} columns:", kept)

model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000, C=0.5))
cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=4)
auc = cross_val_score(model, X[kept], y, cv=cv, scoring="roc_auc")
print(f"10-fold AUC {auc.mean():.3f} (sd {auc.std():.3f})")
