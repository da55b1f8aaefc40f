# label: leakage/none
"""Model flu vaccination uptake after community pharmacy invitations with a binomial GLM."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

invites = pd.read_csv("flu_invites_2023.csv", parse_dates=["invited_on"])
register = pd.read_parquet("patient_register.parquet")

df = invites.merge(register, on="patient_id", how="inner")
df = df[(df["age"] >= 18) & (df["age"] <= 100)].copy()
df["channel"] = df["channel"].str.lower().str.strip()
df["distance_km"] = np.log1p(df["distance_to_pharmacy_m"] / 1000.0)
df["invite_week"] = df["invited_on"].dt.isocalendar().week.astype(int)
df["age_band"] = pd.cut(df["age"], bins=[17, 49, 64, 74, 84, 101], labels=False)

train, test = train_test_split(df, test_size=0.2, stratify=df["jabbed"], random_state=5)
train, test = train.copy(), test.copy()
decile_fill = train["deprivation_decile"].median()
train["deprivation_decile"] = train["deprivation_decile"].fillna(decile_fill)
test["deprivation_decile"] = test["deprivation_decile"].fillna(decile_fill)

FORMULA = (
    "jabbed ~ C(age_band) + chronic_condition + jabbed_last_season + distance_km"
    " + C(channel) + deprivation_decile + invite_week + care_home"
)

LINKS = {
    "logit": sm.families.links.Logit(),
    "probit": sm.families.links.Probit(),
    "cloglog": sm.families.links.CLogLog(),
    "cauchy": sm.families.links.Cauchy(),
}

fits = {}
for name, link in LINKS.items():
    res = smf.glm(FORMULA, data=train, family=sm.families.Binomial(link=link)).fit()
    fits[name] = (res.aic, res)
    print(f"{name:>8s}  AIC={res.aic:.1f}  deviance={res.deviance:.1f}")

best_link = min(fits, key=lambda k: fits[k][0])
best_res = fits[best_link][1]
p_test = np.clip(best_res.predict(test), 1e-6, 1 - 1e-6)

print(f"\nLink: {best_link}")
print(best_res.summary().tables[1])
print(f"Test log loss: {log_loss(test['jabbed'], p_test):.4f}")
print(f"Test ROC AUC:  {roc_auc_score(test['jabbed'], p_test):.4f}")
print(f"Mean predicted uptake {p_test.mean():.3f} vs observed {test['jabbed'].mean():.3f}")
