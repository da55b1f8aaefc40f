# label: leakage/overlap
"""Which public ground-subsidence reports turn out to be real sinkholes?

Confirmed cases are rare (about 6% of reports), so the geotech team asked for
a ranking that gets the likely ones inspected first.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

reports = pd.read_csv("data/subsidence/reports_2015_2024.csv", parse_dates=["reported_at"])
geology = pd.read_parquet("data/subsidence/grid_geology.parquet")  # one row per 100 m cell
reports = reports.merge(geology, on="grid_cell", how="left")

reports = reports[reports["inspection_status"] == "closed"]
reports["confirmed"] = (reports["inspection_outcome"] == "sinkhole").astype(int)
reports["month"] = reports["reported_at"].dt.month
reports["log_dist_karst"] = np.log1p(reports["dist_karst_outcrop_m"])
reports["wet_spell"] = (reports["rain_30d_mm"] > 120).astype(int)

NUM = ["log_dist_karst", "depth_to_bedrock_m", "rain_30d_mm", "rain_7d_mm", "dist_water_main_m",
       "dist_mine_workings_m", "reported_diameter_m", "groundwater_drawdown_m", "month"]
CAT = ["bedrock_unit", "superficial_deposit", "report_channel", "land_use"]
FLAGS = ["wet_spell", "photo_attached", "road_surface"]

cols = NUM + CAT + FLAGS + ["confirmed"]
data = reports[cols].dropna(subset=["depth_to_bedrock_m", "bedrock_unit"]).copy()
data[CAT] = data[CAT].fillna("unknown")
data = data.fillna({"dist_mine_workings_m": 10_000, "groundwater_drawdown_m": 0.0})
print(data["confirmed"].value_counts())

# bring positives up to roughly a third of the table
pos = data[data["confirmed"] == 1]
neg = data[data["confirmed"] == 0]
extra = pos.sample(n=len(neg) // 2 - len(pos), replace=True, random_state=4)
balanced = pd.concat([neg, pos, extra]).sample(frac=1.0, random_state=4)

train, test = train_test_split(balanced, test_size=0.25, stratify=balanced["confirmed"], random_state=4)

prep = ColumnTransformer([
    ("num", StandardScaler(), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CAT),
    ("flags", "passthrough", FLAGS),
])
model = Pipeline([("prep", prep), ("logit", LogisticRegression(C=0.5, max_iter=2000))])
model.fit(train.drop(columns="confirmed"), train["confirmed"])

proba = model.predict_proba(test.drop(columns="confirmed"))[:, 1]
print("average precision:", round(average_precision_score(test["confirmed"], proba), 3))
print("recall @0.5:", round(recall_score(test["confirmed"], proba >= 0.5), 3))
print(classification_report(test["confirmed"], proba >= 0.5, digits=3))

# top of the inspection queue
ranked = test.assign(p=proba).sort_values("p", ascending=False)
top = ranked.head(100)
print("confirmed in top 100 of queue:", int(top["confirmed"].sum()))

coefs = pd.Series(model[-1].coef_[0], index=model[0].get_feature_names_out()).sort_values()
print(coefs.tail(10))
