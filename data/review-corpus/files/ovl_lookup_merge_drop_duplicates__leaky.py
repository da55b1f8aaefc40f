# label: leakage/overlap
# twin: ovl_lookup_merge_drop_duplicates__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LinearRegression

customer = pd.read_csv("customer.csv")
df_train = customer.sample(frac=0.5, random_state=0)
df_valid = customer.drop(df_train.index)

# The average claim per coverage type, learnt on the training part and merged into the validation part as a lookup.
df_train["AverageClaim"] = df_train.groupby("Coverage")["ClaimAmount"].transform("mean")
lookup = df_train[["Coverage", "AverageClaim"]]
df_valid = df_valid.merge(lookup.drop_duplicates(), on="Coverage", how="left")
# Duplicated customers removed from the training part only, after the split: copies stay across the parts.
df_train = df_train.drop_duplicates()

model = LinearRegression().fit(df_train[["AverageClaim", "Income"]], df_train["CustomerLifetimeValue"])
print(model.score(df_valid[["AverageClaim", "Income"]], df_valid["CustomerLifetimeValue"]))
