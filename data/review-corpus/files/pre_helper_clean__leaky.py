# label: leakage/preprocessing
# twin: pre_helper_clean__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

NUMERIC = ["rooms", "surface", "floor", "year"]


def clean(df):
    df = df.drop_duplicates(subset="listing_id")
    for col in NUMERIC:
        df[col] = df[col].fillna(df[col].median())
    return df


flats = clean(pd.read_csv("flats.csv"))
train, test = train_test_split(flats, test_size=0.2, random_state=5)
forest = RandomForestRegressor(n_estimators=200, random_state=5).fit(train[NUMERIC], train["rent"])
print(mean_absolute_error(test["rent"], forest.predict(test[NUMERIC])))
