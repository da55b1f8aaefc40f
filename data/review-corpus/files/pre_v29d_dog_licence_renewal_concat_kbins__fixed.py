# label: leakage/none
# Council dog licence renewals: which licences will lapse at the annual renewal?
# licences_2019_2022.csv is the modelling extract; licences_2023_holdout.csv was
# kept aside by the records team with the renewal outcome filled in.
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score, classification_report
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder

train = pd.read_csv("extracts/licences_2019_2022.csv")
holdout = pd.read_csv("extracts/licences_2023_holdout.csv")
train["part"] = "train"
holdout["part"] = "holdout"
full = pd.concat([train, holdout], ignore_index=True)

full["paid_online"] = (full["payment_channel"] == "online").astype(int)
full["neutered_discount"] = full["fee_band"].str.contains("neutered").astype(int)
full["years_licensed"] = full["first_licence_year"].rsub(full["licence_year"])

NUM = ["dog_age_years", "owner_age", "years_licensed", "fee_paid", "days_late_last_renewal",
       "n_dogs_household", "distance_to_office_km"]
CAT = ["breed_group", "ward", "fee_band", "reminder_preference"]

is_train = full["part"].eq("train").to_numpy()
tr = full[is_train].copy()
ho = full[~is_train].copy()

imputer = SimpleImputer(strategy="median").fit(tr[NUM])
tr[NUM] = imputer.transform(tr[NUM])
ho[NUM] = imputer.transform(ho[NUM])

binner = KBinsDiscretizer(n_bins=6, encode="ordinal", strategy="quantile")
binner.fit(tr[["dog_age_years", "owner_age"]])
tr[["dog_age_bin", "owner_age_bin"]] = binner.transform(tr[["dog_age_years", "owner_age"]])
ho[["dog_age_bin", "owner_age_bin"]] = binner.transform(ho[["dog_age_years", "owner_age"]])

tr[CAT] = tr[CAT].fillna("unknown")
ho[CAT] = ho[CAT].fillna("unknown")
ohe = OneHotEncoder(handle_unknown="ignore", min_frequency=20, sparse_output=False).fit(tr[CAT])
cat_tr = pd.DataFrame(ohe.transform(tr[CAT]), columns=ohe.get_feature_names_out(CAT), index=tr.index)
cat_ho = pd.DataFrame(ohe.transform(ho[CAT]), columns=ohe.get_feature_names_out(CAT), index=ho.index)

features = NUM + ["dog_age_bin", "owner_age_bin", "paid_online", "neutered_discount"]
X_train = pd.concat([tr[features], cat_tr], axis=1)
X_hold = pd.concat([ho[features], cat_ho], axis=1)
y_train = tr["lapsed"].astype(int)
y_hold = ho["lapsed"].astype(int)

gbm = GradientBoostingClassifier(n_estimators=300, learning_rate=0.05, max_depth=3,
                                 subsample=0.8, random_state=4)
gbm.fit(X_train, y_train)

p = gbm.predict_proba(X_hold)[:, 1]
print(f"2023 holdout ROC AUC: {roc_auc_score(y_hold, p):.3f}")
print(classification_report(y_hold, (p > 0.3).astype(int), target_names=["renewed", "lapsed"]))

ward_rates = (pd.DataFrame({"ward": ho["ward"].values, "p": p, "y": y_hold.values})
              .groupby("ward")[["p", "y"]].mean().sort_values("p", ascending=False))
print(ward_rates.head(10).round(3))
