# label: leakage/none
# twin: tgt_coltransformer_passthrough_price__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

houses = pd.read_csv("melb_data.csv").dropna(subset=["BuildingArea", "YearBuilt"])
houses = houses.drop(columns=["Address", "Date", "SellerG", "Lattitude", "Longtitude"])
cats = ["Suburb", "Type", "Method", "CouncilArea", "Regionname"]

prep = ColumnTransformer(
    [("cats", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cats)],
    remainder="passthrough",
)
model = Pipeline([("prep", prep), ("rf", RandomForestRegressor(n_estimators=300, n_jobs=-1, random_state=0))])

X = houses.drop(columns=["Price"])
y = houses["Price"]
print("R^2 (5-fold):", cross_val_score(model, X, y, cv=5).mean())
