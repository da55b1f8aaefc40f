# label: leakage/target
# Season-ticket renewal propensity, 2023/24 -> 2024/25.
# Scores every 2023/24 season-ticket holder so the ticket office can prioritise
# calls when the renewal window opens. Behaviour comes from the box office
# transaction export (turnstile scans, cup/away purchases, shop, hospitality).
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SNAPSHOT = pd.Timestamp("2024-04-15")  # renewal window opens

holders = pd.read_csv("box_office/season_holders_2324.csv", parse_dates=["first_season_start", "dob"])
renewals = pd.read_csv("box_office/renewals_2425.csv")  # holder_id, renewed (0/1)
txns = pd.read_csv("box_office/transactions_export_2024-08-31.csv", parse_dates=["txn_time"])


def behaviour_features(txns, snapshot):
    txns = txns.assign(
        is_scan=txns["txn_type"].eq("turnstile"),
        is_cup=txns["txn_type"].eq("cup_ticket"),
        is_away=txns["txn_type"].eq("away_ticket"),
        is_shop=txns["txn_type"].isin(["shop", "online_shop"]),
        is_hosp=txns["txn_type"].eq("hospitality"),
    )
    g = txns.groupby("holder_id")
    feats = pd.DataFrame({
        "scans": g["is_scan"].sum(),
        "cup_tickets": g["is_cup"].sum(),
        "away_tickets": g["is_away"].sum(),
        "shop_spend": txns[txns["is_shop"]].groupby("holder_id")["amount"].sum(),
        "hospitality_spend": txns[txns["is_hosp"]].groupby("holder_id")["amount"].sum(),
        "n_txns": g.size(),
        "days_since_last": (snapshot - g["txn_time"].max()).dt.days,
        "days_since_last_scan": (snapshot - txns[txns["is_scan"]].groupby("holder_id")["txn_time"].max()).dt.days,
    })
    return feats.fillna({"shop_spend": 0, "hospitality_spend": 0})


df = holders.merge(renewals, on="holder_id", how="inner")
df = df.join(behaviour_features(txns, SNAPSHOT), on="holder_id")
df["age"] = (SNAPSHOT - df["dob"]).dt.days // 365
df["tenure_seasons"] = SNAPSHOT.year - df["first_season_start"].dt.year
df["stand"] = df["stand"].astype("category")
df["price_band"] = df["price_band"].astype("category")

FEATURES = ["age", "tenure_seasons", "stand", "price_band", "concession", "direct_debit",
            "scans", "cup_tickets", "away_tickets", "shop_spend", "hospitality_spend",
            "n_txns", "days_since_last", "days_since_last_scan", "distance_km"]

X_train, X_test, y_train, y_test = train_test_split(
    df[FEATURES], df["renewed"], test_size=0.25, stratify=df["renewed"], random_state=5
)

model = xgb.XGBClassifier(
    n_estimators=600,
    learning_rate=0.03,
    max_depth=5,
    subsample=0.85,
    colsample_bytree=0.8,
    enable_categorical=True,
    tree_method="hist",
    eval_metric="auc",
)
model.fit(X_train, y_train)

p = model.predict_proba(X_test)[:, 1]
print(f"renewal rate {y_test.mean():.1%}")
print(f"AUC {roc_auc_score(y_test, p):.3f}  AP (non-renewal) {average_precision_score(1 - y_test, 1 - p):.3f}")

gain = pd.Series(model.get_booster().get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(10).round(1))
