# label: leakage/preprocessing
# twin: pre_hotel_cancel_onehot_all__fixed.py
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

encoder = OneHotEncoder(handle_unknown="ignore", min_frequency=20)
cat_matrix = encoder.fit_transform(bookings[CATEGORICAL])
num_matrix = sparse.csr_matrix(np.log1p(bookings[NUMERIC].clip(lower=0).to_numpy()))
X = sparse.hstack([cat_matrix, num_matrix]).tocsr()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=21)
clf = SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=50, random_state=21)
clf.fit(X_train, y_train)
print("AUC:", round(roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]), 4))
