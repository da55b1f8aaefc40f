# label: leakage/target
"""Employment tribunal: probability that a claim succeeds at the full merits hearing.

Scores are produced when the full hearing is listed, and feed the regional
judge's shortlist for judicial mediation offers.
"""
import polars as pl
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import log_loss, roc_auc_score

CAT_COLS = ["region", "primary_jurisdiction", "respondent_size_band", "industry_section",
            "claimant_rep_type", "respondent_rep_type", "claim_value_band"]
EVENT_TYPES = ["case_management_order", "preliminary_hearing", "strike_out_warning",
               "unless_order", "amendment_application", "postponement_request",
               "witness_order", "remedy_hearing_listed", "reconsideration_request",
               "costs_application"]


def load_claims(path):
    return (
        pl.read_parquet(path)
        .filter(pl.col("disposal_route") == "full_hearing")
        .with_columns(
            (pl.col("outcome") == "successful").cast(pl.Int8).alias("successful"),
            pl.col("n_jurisdictions").clip(upper_bound=6),
            (pl.col("final_hearing_listed_on") - pl.col("received_on")).dt.total_days().alias("days_to_listing"),
            pl.col(CAT_COLS).fill_null("unknown"),
        )
    )


def event_features(events, claims):
    ev = events.join(claims.select("case_id", "final_hearing_listed_on"), on="case_id", how="inner")
    counts = (
        ev.filter(pl.col("event_type").is_in(EVENT_TYPES))
        .group_by("case_id", "event_type").len()
        .pivot(on="event_type", index="case_id", values="len")
    )
    totals = ev.group_by("case_id").agg(pl.len().alias("n_events"),
                                       pl.col("event_date").n_unique().alias("n_event_days"))
    return counts.join(totals, on="case_id", how="full", coalesce=True)


claims = load_claims("et_extract/claims_2016_2024.parquet")
events = pl.read_parquet("et_extract/case_events.parquet")

data = claims.join(event_features(events, claims), on="case_id", how="left")
present = [c for c in EVENT_TYPES if c in data.columns]
data = data.with_columns(pl.col(present + ["n_events", "n_event_days"]).fill_null(0))

FEATURES = CAT_COLS + present + ["n_events", "n_event_days", "n_jurisdictions",
                                 "days_to_listing", "acas_ec_days", "claimant_age", "service_years"]

train = data.filter(pl.col("received_on") < pl.date(2022, 7, 1)).to_pandas()
test = data.filter(pl.col("received_on") >= pl.date(2022, 7, 1)).to_pandas()

model = CatBoostClassifier(iterations=1500, learning_rate=0.03, depth=6,
                           l2_leaf_reg=5, random_seed=8, verbose=250)
model.fit(Pool(train[FEATURES], train["successful"], cat_features=CAT_COLS))

p = model.predict_proba(Pool(test[FEATURES], cat_features=CAT_COLS))[:, 1]
print(f"test claims {len(test)}, success rate {test['successful'].mean():.3f}")
print(f"AUC {roc_auc_score(test['successful'], p):.3f}   log loss {log_loss(test['successful'], p):.4f}")
print(model.get_feature_importance(prettified=True).head(12))
