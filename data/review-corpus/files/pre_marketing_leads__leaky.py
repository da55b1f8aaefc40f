# label: leakage/preprocessing
# twin: pre_marketing_leads__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
from sklearn.preprocessing import TargetEncoder
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, brier_score_loss

leads = pd.read_csv("crm/inbound_leads.csv")
leads = leads[leads["status"].isin(["won", "lost"])]
y = (leads["status"] == "won").astype(int)

high_card = ["referrer_domain", "utm_campaign", "landing_page", "company_industry_code"]
numeric = ["company_employees", "pages_viewed_first_session", "form_fields_completed",
           "days_from_first_visit_to_form"]
te_cols = [f"{c}_te" for c in high_card]

encoder = TargetEncoder(target_type="binary", smooth="auto", random_state=9)


def assemble(frame, codes):
    encoded = pd.DataFrame(codes, columns=te_cols, index=frame.index)
    return pd.concat([frame[numeric], encoded], axis=1)


X = assemble(leads, encoder.fit_transform(leads[high_card], y))
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=9
)

model = HistGradientBoostingClassifier(max_iter=400, learning_rate=0.05, random_state=9)
model.fit(X_train, y_train)
proba = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"Brier:   {brier_score_loss(y_test, proba):.4f}")
