# label: leakage/preprocessing
"""Triage model for jury summons deferral and excusal requests.

The summoning officer receives several hundred letters and e-mails a week asking
to defer or be excused from jury service. The model scores each request for the
likelihood that it will be granted so that straightforward cases can be batched
for sign-off and the rest read in full.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, roc_auc_score

MAX_TOKENS = 30000
CAT_COLS = ["request_type", "court_centre", "contact_channel"]

requests = pd.read_csv("jury_central/deferral_requests_2019_2024.csv",
                       parse_dates=["received_date", "service_date"])
requests = requests[requests["decision"].isin(["granted", "refused"])].copy()
requests["letter_text"] = (requests["letter_text"].fillna("")
                           .str.replace(r"\S+@\S+", " ", regex=True)
                           .str.replace(r"\b\d{6,}\b", " ", regex=True))
requests["granted"] = (requests["decision"] == "granted").astype("float32")
requests["days_notice"] = (requests["service_date"] - requests["received_date"]).dt.days
requests["prior_deferrals"] = requests["prior_deferrals"].fillna(0)

vectorizer = tf.keras.layers.TextVectorization(
    max_tokens=MAX_TOKENS, ngrams=2, output_mode="tf_idf", standardize="lower_and_strip_punctuation")
vectorizer.adapt(requests["letter_text"].to_numpy())

train = requests[requests["received_date"] < "2023-07-01"]
test = requests[requests["received_date"] >= "2023-07-01"]
print(f"train {len(train)}  test {len(test)}  granted share {train['granted'].mean():.2f}")

cat_lookup = {c: sorted(train[c].dropna().unique()) for c in CAT_COLS}


def encode(df):
    text = vectorizer(tf.constant(df["letter_text"].to_numpy()))
    cats = [tf.one_hot([cat_lookup[c].index(v) if v in cat_lookup[c] else len(cat_lookup[c])
                        for v in df[c]], len(cat_lookup[c]) + 1) for c in CAT_COLS]
    nums = tf.constant(np.column_stack([
        np.log1p(df["days_notice"].clip(lower=0)), df["prior_deferrals"], df["age_band_code"],
    ]).astype("float32"))
    return tf.concat([text] + cats + [nums], axis=1)


X_train, X_test = encode(train), encode(test)
y_train, y_test = train["granted"].to_numpy(), test["granted"].to_numpy()

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(X_train.shape[1],)),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(64, activation="relu",
                          kernel_regularizer=tf.keras.regularizers.l2(1e-5)),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy",
              metrics=[tf.keras.metrics.AUC(name="auc")])
model.fit(X_train, y_train, epochs=8, batch_size=128, verbose=2)

p = model.predict(X_test, verbose=0).ravel()
print(f"AUC {roc_auc_score(y_test, p):.3f}")
print(classification_report(y_test, (p >= 0.5).astype(int),
                            target_names=["refused", "granted"], digits=3))
