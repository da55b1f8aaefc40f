# label: leakage/target
# Which hardy-shrub and tree sales end in a 12-month plant guarantee claim?
# One row per guaranteed line item sold at the three garden centres, 2020-2023.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, brier_score_loss

sales = pd.read_csv("data/guaranteed_plant_sales.csv", parse_dates=["sold_on"])
loyalty = pd.read_csv("data/loyalty_members.csv")
service = pd.read_csv("data/customer_service_log.csv", parse_dates=["contact_on"])

sales = sales[sales["guarantee_months"] == 12].copy()
sales = sales.merge(loyalty[["member_id", "member_since", "postcode_area"]], on="member_id", how="left")

# contacts with the customer service desk during the guarantee year
svc = sales[["line_id", "member_id", "sold_on"]].merge(service, on="member_id", how="inner")
svc = svc[(svc["contact_on"] > svc["sold_on"]) & (svc["contact_on"] <= svc["sold_on"] + pd.DateOffset(months=12))]
sales["service_contacts"] = sales["line_id"].map(svc.groupby("line_id").size()).fillna(0)

sales["sold_month"] = sales["sold_on"].dt.month
sales["autumn_planting"] = sales["sold_month"].isin([10, 11, 12, 1, 2]).astype(int)
sales["log_price"] = np.log(sales["unit_price"])
sales["pot_litres"] = sales["pot_litres"].clip(upper=60)
sales["member_years"] = (sales["sold_on"].dt.year - sales["member_since"]).clip(lower=0).fillna(0)
sales["bare_root"] = (sales["pot_litres"] == 0).astype(int)
sales["plant_group"] = sales["plant_group"].fillna("other")
sales["clay_soil_area"] = sales["postcode_area"].isin(["OX", "MK", "LU", "SG", "CB"]).astype(int)

train = sales[sales["sold_on"] < "2022-01-01"]
test = sales[sales["sold_on"] >= "2023-01-01"]
print(f"train {len(train)} lines ({train['claimed'].mean():.1%} claimed), "
      f"test {len(test)} lines ({test['claimed'].mean():.1%} claimed)")

formula = (
    "claimed ~ log_price + pot_litres + bare_root + autumn_planting + C(plant_group)"
    " + C(centre) + member_years + clay_soil_area + planting_service + service_contacts"
)
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary().tables[1])

p = fit.predict(test)
print(f"test AUC   {roc_auc_score(test['claimed'], p):.3f}")
print(f"test Brier {brier_score_loss(test['claimed'], p):.3f}")

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.sort_values(ascending=False).head(8).round(2).to_string())

# expected vs observed claims per centre, 2023 sales
test = test.assign(p_claim=p)
print(test.groupby("centre")[["claimed", "p_claim"]].sum().round(1).to_string())
