# label: leakage/target
# twin: tgt_escalation_agent_notes_text__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import precision_recall_fscore_support
from sklearn.pipeline import make_pipeline


def ticket_text(df: pd.DataFrame) -> pd.Series:
    parts = [df["subject"].fillna(""), df["first_message"].fillna(""), df["agent_notes"].fillna("")]
    return parts[0].str.cat(parts[1:], sep=" \n ").str.lower()


tickets = pd.read_parquet("data/saas_support_tickets.parquet")
tickets["escalated"] = tickets["final_tier"].isin(["tier3", "engineering"]).astype(int)
tickets = tickets.sort_values("created_at")

cutoff = tickets["created_at"].quantile(0.8)
train = tickets[tickets["created_at"] < cutoff]
test = tickets[tickets["created_at"] >= cutoff]

model = make_pipeline(
    TfidfVectorizer(min_df=5, max_df=0.5, ngram_range=(1, 2), sublinear_tf=True),
    SGDClassifier(loss="log_loss", alpha=1e-5, class_weight="balanced", random_state=0),
)
model.fit(ticket_text(train), train["escalated"])

pred = model.predict(ticket_text(test))
p, r, f, _ = precision_recall_fscore_support(test["escalated"], pred, average="binary")
print(f"escalation precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
