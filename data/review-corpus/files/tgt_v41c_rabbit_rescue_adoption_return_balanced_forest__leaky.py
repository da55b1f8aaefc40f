# label: leakage/target
"""Which rabbit adoptions come back to the rescue within six months?

Used by the adoption team to decide which new homes get an extra welfare visit.
"""
import pandas as pd
from imblearn.ensemble import BalancedRandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score

RETURN_WINDOW = pd.Timedelta(days=180)
CONTACT_WINDOW = pd.Timedelta(days=180)
TEST_FROM = "2023-07-01"

adoptions = pd.read_csv("rescue/adoptions.csv", parse_dates=["adoption_date", "return_date"])
rabbits = pd.read_csv("rescue/rabbits.csv", parse_dates=["intake_date", "dob_estimate"])
contacts = pd.read_csv("rescue/adopter_contacts.csv", parse_dates=["contact_date"])

adoptions["returned"] = (
    adoptions["return_date"].notna()
    & (adoptions["return_date"] - adoptions["adoption_date"] <= RETURN_WINDOW)
).astype(int)
# only adoptions whose six-month window has closed
adoptions = adoptions[adoptions["adoption_date"] <= adoptions["adoption_date"].max() - RETURN_WINDOW]

df = adoptions.merge(rabbits, on="rabbit_id", how="left")
df["age_months"] = (df["adoption_date"] - df["dob_estimate"]).dt.days / 30.4
df["days_in_rescue"] = (df["adoption_date"] - df["intake_date"]).dt.days


def contact_counts(contacts, adoptions):
    c = contacts.merge(adoptions[["adoption_id", "adoption_date"]], on="adoption_id")
    c = c[c["contact_date"] <= c["adoption_date"] + CONTACT_WINDOW]
    counts = pd.crosstab(c["adoption_id"], c["channel"]).add_prefix("contacts_")
    counts["contacts_total"] = counts.sum(axis=1)
    return counts


counts = contact_counts(contacts, adoptions)
df = df.merge(counts, left_on="adoption_id", right_index=True, how="left")
contact_cols = list(counts.columns)
df[contact_cols] = df[contact_cols].fillna(0)

df = pd.get_dummies(df, columns=["breed_group", "housing", "sex"], dtype=int)
feature_cols = [
    "age_months", "days_in_rescue", "neutered", "bonded_pair", "weight_kg", "children_under_8",
    "other_rabbits", "dogs_in_home", "previous_adopter", "home_check_passed",
] + contact_cols + [c for c in df.columns if c.startswith(("breed_group_", "housing_", "sex_"))]

train = df[df["adoption_date"] < pd.Timestamp(TEST_FROM) - RETURN_WINDOW]
test = df[df["adoption_date"] >= TEST_FROM]
print(f"train {len(train)} adoptions ({train['returned'].mean():.1%} returned), test {len(test)}")

clf = BalancedRandomForestClassifier(
    n_estimators=500, min_samples_leaf=3, sampling_strategy="auto", replacement=True,
    bootstrap=False, random_state=4, n_jobs=-1,
)
clf.fit(train[feature_cols], train["returned"])

proba = clf.predict_proba(test[feature_cols])[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC:           {roc_auc_score(test['returned'], proba):.3f}")
print(f"balanced accuracy: {balanced_accuracy_score(test['returned'], pred):.3f}")
print(classification_report(test["returned"], pred, target_names=["stayed", "returned"]))

importances = pd.Series(clf.feature_importances_, index=feature_cols).sort_values(ascending=False)
print(importances.head(10).round(3).to_string())
