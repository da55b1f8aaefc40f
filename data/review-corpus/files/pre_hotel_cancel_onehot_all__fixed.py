# label: leakage/none
# twin: pre_hotel_cancel_onehot_all__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

CATEGORICAL = ["hotel", "meal", "market_segment", "distribution_channel", "deposit_type", "customer_type"]
NUMERIC = ["lead_time", "stays_in_week_nights", "adults", "children", "adr"]

bookings = pd.read_csv("hotel_bookings.csv").fillna({"children": 0})
y = bookings["is_canceled"].to_numpy()

train_df, test_df, y_train, y_test = train_test_split(bookings, y, test_size=0.2, random_state=21)
encoder = OneHotEncoder(handle_unknown="ignore", min_frequency=20).fit(train_df[CATEGORICAL])


def to_matrix(df):
    num_matrix = sparse.csr_matrix(np.log1p(df[NUMERIC].clip(lower=0).to_numpy()))
    return sparse.hstack([encoder.transform(df[CATEGORICAL]), num_matrix]).tocsr()


X_train, X_test = to_matrix(train_df), to_matrix(test_df)
clf = SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=50, random_state=21)
clf.fit(X_train, y_train)
print("AUC:", round(roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]), 4))
