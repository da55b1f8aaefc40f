# label: leakage/none
"""Which trolleybuses will get a defect card in the next two weeks?

Daily vehicle log from the depot (mileage, door cycles, dewirements, traction
faults) joined with the workshop's defect cards.  Scores are used to plan the
weekly inspection list.
"""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

HORIZON_DAYS = 14
CUTOFF = pd.Timestamp("2024-01-01")


class DepotData:
    def __init__(self, log_path, cards_path):
        self.log = pd.read_csv(log_path, parse_dates=["date"])
        self.cards = pd.read_csv(cards_path, parse_dates=["raised_on"])

    def daily(self):
        cards = (self.cards.groupby(["fleet_no", "raised_on"]).size()
                 .rename("cards").reset_index().rename(columns={"raised_on": "date"}))
        df = self.log.merge(cards, on=["fleet_no", "date"], how="left")
        df["cards"] = df["cards"].fillna(0)
        return df.sort_values(["fleet_no", "date"]).reset_index(drop=True)

    def features(self, df):
        g = df.groupby("fleet_no")
        for col in ["km", "door_cycles", "dewirements", "traction_faults"]:
            df[f"{col}_7d"] = g[col].transform(lambda s: s.rolling(7, min_periods=1).sum())
            df[f"{col}_28d"] = g[col].transform(lambda s: s.rolling(28, min_periods=1).sum())
        df["cards_90d"] = g["cards"].transform(lambda s: s.rolling(90, min_periods=1).sum())
        df["days_since_inspection"] = (df["date"] - df["last_inspection"].pipe(pd.to_datetime)).dt.days
        df["dow"] = df["date"].dt.dayofweek
        df["winter"] = df["date"].dt.month.isin([12, 1, 2]).astype(int)
        return df

    def label(self, df):
        # cards raised on days t+1 .. t+HORIZON_DAYS
        nxt = df.groupby("fleet_no")["cards"].transform(
            lambda s: s[::-1].shift(1).rolling(HORIZON_DAYS, min_periods=HORIZON_DAYS).sum()[::-1]
        )
        df["card_next_14d"] = (nxt > 0).astype(int)
        return df[nxt.notna()]


FEATURES = [
    "km_7d", "km_28d", "door_cycles_7d", "door_cycles_28d", "dewirements_7d",
    "dewirements_28d", "traction_faults_7d", "traction_faults_28d", "cards_90d",
    "days_since_inspection", "vehicle_age_years", "dow", "winter",
]

data = DepotData("depot/vehicle_daily_log.csv", "depot/defect_cards.csv")
frame = data.label(data.features(data.daily()))

train = frame[frame["date"] < CUTOFF - pd.Timedelta(days=HORIZON_DAYS)]
test = frame[frame["date"] >= CUTOFF]
print(f"train {train['date'].min():%Y-%m-%d}..{train['date'].max():%Y-%m-%d} ({len(train)} rows)")
print(f"test  {test['date'].min():%Y-%m-%d}..{test['date'].max():%Y-%m-%d} ({len(test)} rows)")

pos_weight = (train["card_next_14d"] == 0).sum() / max(train["card_next_14d"].sum(), 1)
clf = xgb.XGBClassifier(
    n_estimators=500,
    max_depth=5,
    learning_rate=0.04,
    subsample=0.8,
    colsample_bytree=0.8,
    scale_pos_weight=pos_weight,
    eval_metric="aucpr",
    tree_method="hist",
    random_state=21,
)
clf.fit(train[FEATURES], train["card_next_14d"])

test = test.assign(score=clf.predict_proba(test[FEATURES])[:, 1])
print(f"ROC AUC: {roc_auc_score(test['card_next_14d'], test['score']):.3f}")
print(f"PR AUC:  {average_precision_score(test['card_next_14d'], test['score']):.3f}")

# weekly inspection list: top 10 vehicles each Monday
mondays = test[test["dow"] == 0]
top10 = mondays.sort_values("score", ascending=False).groupby("date").head(10)
print(f"precision of Monday top-10 list: {top10['card_next_14d'].mean():.2%}")
