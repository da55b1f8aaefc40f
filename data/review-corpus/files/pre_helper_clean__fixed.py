# label: leakage/none
# twin: pre_helper_clean__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

NUMERIC = ["rooms", "surface", "floor", "year"]


def clean(df):
    return df.drop_duplicates(subset="listing_id")


flats = clean(pd.read_csv("flats.csv"))
train, test = train_test_split(flats, test_size=0.2, random_state=5)
forest = make_pipeline(SimpleImputer(strategy="median"), RandomForestRegressor(n_estimators=200, random_state=5))
forest.fit(train[NUMERIC], train["rent"])
print(mean_absolute_error(test["rent"], forest.predict(test[NUMERIC])))
