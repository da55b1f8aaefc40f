# label: leakage/none
# twin: pre_autoencoder_codes_all_rows__leaky.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

usage = pd.read_csv("data/telco_usage_monthly.csv")
y = usage.pop("churned_next_month").to_numpy()
X = usage.drop(columns=["customer_id"]).to_numpy(dtype="float32")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=8)
scaler = StandardScaler().fit(X_train)
X_train_s, X_test_s = scaler.transform(X_train), scaler.transform(X_test)


def build_autoencoder(n_in, code_dim=12):
    inp = keras.Input(shape=(n_in,))
    h = keras.layers.Dense(64, activation="relu")(inp)
    code = keras.layers.Dense(code_dim, activation="relu", name="code")(h)
    h = keras.layers.Dense(64, activation="relu")(code)
    out = keras.layers.Dense(n_in)(h)
    ae = keras.Model(inp, out)
    ae.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
    return ae, keras.Model(inp, code)


autoencoder, encoder = build_autoencoder(X.shape[1])
autoencoder.fit(X_train_s, X_train_s, epochs=60, batch_size=256, validation_split=0.1,
                callbacks=[keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)], verbose=2)

Z_train, Z_test = encoder.predict(X_train_s), encoder.predict(X_test_s)
clf = LogisticRegression(max_iter=3000).fit(np.hstack([X_train_s, Z_train]), y_train)
auc = roc_auc_score(y_test, clf.predict_proba(np.hstack([X_test_s, Z_test]))[:, 1])
print(f"test AUC with autoencoder codes: {auc:.4f}")
