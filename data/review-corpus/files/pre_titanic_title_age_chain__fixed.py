# label: leakage/none
# twin: pre_titanic_title_age_chain__leaky.py
# source: hand-written for ai-ci held-out v3 in the style of Kaggle titanic notebooks (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split

TITLES = {"Mr": 0, "Mrs": 1, "Miss": 2, "Master": 3, "Rare": 4}
features = ["Pclass", "Age", "SibSp", "Parch", "Fare", "is_male", "title_code"]

passengers = (
    pd.read_csv("titanic_train.csv")
    .assign(Title=lambda d: d["Name"].str.extract(r",\s*([^.]+)\.", expand=False))
    .assign(Title=lambda d: d["Title"].where(d["Title"].isin(list(TITLES)), "Rare"))
    .assign(is_male=lambda d: (d["Sex"] == "male").astype(int), title_code=lambda d: d["Title"].map(TITLES))
)

train_df, test_df = train_test_split(passengers, test_size=0.2, stratify=passengers["Survived"], random_state=1)

# missing ages: the median age of the title, from the training passengers
age_by_title = train_df.groupby("Title")["Age"].median()
train_df = train_df.assign(Age=lambda d: d["Age"].fillna(d["Title"].map(age_by_title)))
test_df = test_df.assign(Age=lambda d: d["Age"].fillna(d["Title"].map(age_by_title)))

model = GradientBoostingClassifier(random_state=1).fit(train_df[features], train_df["Survived"])
print(f"test accuracy {model.score(test_df[features], test_df['Survived']):.3f}")
