# label: leakage/none
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, brier_score_loss
from sklearn.model_selection import StratifiedKFold, train_test_split

# Cordless hedge trimmers sold through the garden-retail channel; one row per
# registered unit, target = returned under warranty within the first 24 months.
sales = pd.read_csv("exports/hedge_trimmer_registrations.csv", parse_dates=["sale_date"])
sales = sales[sales["registration_complete"] == 1].copy()

sales["returned"] = sales["warranty_return_24m"].astype(int)
sales["blade_cm"] = sales["blade_length_mm"] / 10.0
sales["log_price"] = np.log(sales["retail_price_gbp"])
sales["sale_month"] = sales["sale_date"].dt.month
sales["spring_sale"] = sales["sale_month"].isin([3, 4, 5]).astype(int)
sales["battery_ah"] = sales["battery_ah"].fillna(0.0)  # corded units have no pack
sales["is_trade_customer"] = (sales["customer_type"] == "trade").astype(int)

train, test = train_test_split(
    sales, test_size=0.25, random_state=3, stratify=sales["returned"]
)

candidate_formulas = {
    "base": "returned ~ blade_cm + log_price + C(motor_type)",
    "battery": "returned ~ blade_cm + log_price + C(motor_type) + battery_ah",
    "usage": (
        "returned ~ blade_cm + log_price + C(motor_type) + battery_ah"
        " + is_trade_customer + spring_sale"
    ),
    "factory": (
        "returned ~ blade_cm + log_price + C(motor_type) + battery_ah"
        " + is_trade_customer + spring_sale + C(factory_line)"
    ),
    "interactions": (
        "returned ~ blade_cm * C(motor_type) + log_price + battery_ah"
        " + is_trade_customer * spring_sale + C(factory_line)"
    ),
}


def evaluate(formula, fit_df, eval_df):
    model = smf.logit(formula, data=fit_df).fit(disp=0, maxiter=200)
    p = model.predict(eval_df)
    return roc_auc_score(eval_df["returned"], p), model


folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=3)
scores = {}
for name, formula in candidate_formulas.items():
    fold_aucs = []
    for fit_idx, val_idx in folds.split(train, train["returned"]):
        auc, _ = evaluate(formula, train.iloc[fit_idx], train.iloc[val_idx])
        fold_aucs.append(auc)
    scores[name] = float(np.mean(fold_aucs))
    print(f"{name:>12s}  AUC={scores[name]:.4f}")

best_name = max(scores, key=scores.get)
print(f"\nchosen specification: {best_name}")

auc, final_model = evaluate(candidate_formulas[best_name], train, test)
p_test = final_model.predict(test)
print(final_model.summary2().tables[1][["Coef.", "P>|z|"]].round(3))
print(f"\nhold-out AUC:   {auc:.4f}")
print(f"hold-out Brier: {brier_score_loss(test['returned'], p_test):.4f}")
print(f"observed return rate {test['returned'].mean():.3%}, "
      f"mean predicted {p_test.mean():.3%}")
