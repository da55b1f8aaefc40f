# label: leakage/target
# twin: tgt_review_headline_from_stars__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras

STAR_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}
MAX_TOKENS, SEQ_LEN = 30000, 200

reviews = pd.read_csv("data/product_reviews.tsv", sep="\t", usecols=["review_headline", "review_body", "star_rating", "review_date"])
reviews["review_headline"] = reviews["review_headline"].fillna(reviews["star_rating"].map(lambda s: f"{STAR_WORDS[s]} Stars"))
reviews["text"] = reviews["review_headline"] + ". " + reviews["review_body"].fillna("")
reviews["positive"] = (reviews["star_rating"] >= 4).astype("int32")

reviews = reviews.sort_values("review_date")
n_train = int(0.85 * len(reviews))
train, test = reviews.iloc[:n_train], reviews.iloc[n_train:]

vectorize = keras.layers.TextVectorization(max_tokens=MAX_TOKENS, output_sequence_length=SEQ_LEN)
vectorize.adapt(tf.data.Dataset.from_tensor_slices(train["text"].to_numpy()).batch(1024))

model = keras.Sequential([
    vectorize,
    keras.layers.Embedding(MAX_TOKENS, 64),
    keras.layers.GlobalAveragePooling1D(),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[keras.metrics.AUC(name="auc")])
model.fit(np.array(train["text"]), train["positive"].to_numpy(), epochs=5, batch_size=256)
loss, auc = model.evaluate(np.array(test["text"]), test["positive"].to_numpy(), verbose=0)
print(f"test AUC {auc:.4f}")
