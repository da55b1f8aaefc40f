# label: leakage/none
# twin: tgt_v16_printer_ticket_history__leaky.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

SNAPSHOTS = "data/printer_snapshots.csv"
TICKETS = "data/service_tickets.csv"
LABEL = "jam_next_7d"
CUTOFF = pd.Timestamp("2024-03-01")
STATE_FEATURES = ["pages_30d", "duplex_share", "roller_age_pages", "humidity_pct", "paper_gsm",
                  "firmware_age_days"]


def load():
    snaps = pd.read_csv(SNAPSHOTS, parse_dates=["snapshot_date"])
    tickets = pd.read_csv(TICKETS, parse_dates=["opened_at"])
    return snaps.dropna(subset=[LABEL]), tickets


def ticket_features(snaps, tickets, days=90):
    merged = snaps[["printer_id", "snapshot_date"]].merge(tickets, on="printer_id", how="inner")
    window = (merged["opened_at"] >= merged["snapshot_date"] - pd.Timedelta(days=days)) & (
        merged["opened_at"] < merged["snapshot_date"]
    )
    recent = merged[window]
    agg = recent.groupby(["printer_id", "snapshot_date"]).agg(
        tickets_90d=("ticket_id", "count"),
        paper_path_tickets_90d=("category", lambda c: (c == "paper_path").sum()),
    )
    out = snaps.merge(agg.reset_index(), on=["printer_id", "snapshot_date"], how="left")
    return out.fillna({"tickets_90d": 0, "paper_path_tickets_90d": 0})


def main():
    snaps, tickets = load()
    data = ticket_features(snaps, tickets)
    features = STATE_FEATURES + ["tickets_90d", "paper_path_tickets_90d"]

    train = data[data["snapshot_date"] < CUTOFF - pd.Timedelta(days=7)]
    test = data[data["snapshot_date"] >= CUTOFF]
    print(f"{len(train)} train snapshots, {len(test)} test snapshots")

    forest = RandomForestClassifier(n_estimators=400, min_samples_leaf=5, class_weight="balanced",
                                    n_jobs=-1, random_state=3)
    forest.fit(train[features], train[LABEL])
    proba = forest.predict_proba(test[features])[:, 1]
    print(f"test AUC: {roc_auc_score(test[LABEL], proba):.4f}")
    print(f"test AP:  {average_precision_score(test[LABEL], proba):.4f}")
    print(pd.Series(forest.feature_importances_, index=features).sort_values(ascending=False))


if __name__ == "__main__":
    main()
