# label: leakage/preprocessing
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

imputer = SimpleImputer(strategy="median")
full[NUM] = imputer.fit_transform(full[NUM])

binner = KBinsDiscretizer(n_bins=6, encode="ordinal", strategy="quantile")
full[["dog_age_bin", "owner_age_bin"]] = binner.fit_transform(full[["dog_age_years", "owner_age"]])

full[CAT] = full[CAT].fillna("unknown")
ohe = OneHotEncoder(handle_unknown="ignore", min_frequency=20, sparse_output=False)
cat_mat = pd.DataFrame(ohe.fit_transform(full[CAT]), columns=ohe.get_feature_names_out(CAT),
                       index=full.index)

features = NUM + ["dog_age_bin", "owner_age_bin", "paid_online", "neutered_discount"]
design = pd.concat([full[features], cat_mat], axis=1)

is_train = full["part"].eq("train").to_numpy()
X_train, X_hold = design[is_train], design[~is_train]
y_train = full.loc[is_train, "lapsed"].astype(int)
y_hold = full.loc[~is_train, "lapsed"].astype(int)

gbm = GradientBoostingClassifier(n_estimators=300, learning_rate=0.05, max_depth=3,
                                 subsample=0.8, random_state=4)
gbm.fit(X_train, y_train)

p = gbm.predict_proba(X_hold)[:, 1]
print(f"2023 holdout ROC AUC: {roc_auc_score(y_hold, p):.3f}")
print(classification_report(y_hold, (p > 0.3).astype(int), target_names=["renewed", "lapsed"]))

ward_rates = (pd.DataFrame({"ward": full.loc[~is_train, "ward"].values, "p": p, "y": y_hold.values})
              .groupby("ward")[["p", "y"]].mean().sort_values("p", ascending=False))
print(ward_rates.head(10).round(3))
