# label: leakage/none
# twin: pre_mode_median_fill_loop__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

loans = pd.read_csv("loan_applications.csv")
cat_cols = ["Gender", "Married", "Dependents", "Self_Employed", "Property_Area", "Education"]
num_cols = ["ApplicantIncome", "CoapplicantIncome", "LoanAmount", "Loan_Amount_Term", "Credit_History"]

loans[cat_cols] = loans[cat_cols].astype("category").apply(lambda s: s.cat.codes.where(s.notna()))
y = (loans["Loan_Status"] == "Y").astype(int)
train, test = train_test_split(loans, test_size=0.2, stratify=y, random_state=8)
train, test = train.copy(), test.copy()

for col in cat_cols:
    fill = train[col].mode()[0]
    train[col], test[col] = train[col].fillna(fill), test[col].fillna(fill)
for col in num_cols:
    fill = train[col].median()
    train[col], test[col] = train[col].fillna(fill), test[col].fillna(fill)

gbc = GradientBoostingClassifier(random_state=0)
gbc.fit(train[cat_cols + num_cols], train["Loan_Status"] == "Y")
print("accuracy:", accuracy_score(test["Loan_Status"] == "Y", gbc.predict(test[cat_cols + num_cols])))
