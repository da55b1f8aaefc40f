# label: leakage/preprocessing
"""Route inbound messages for the paddleboard hire centre to the right desk."""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

CATEGORIES = ["booking", "lessons", "group_events", "weather_cancellation", "lost_property", "payments", "other"]
MAX_TOKENS = 20000
SEED = 21


def load_messages(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=["body", "desk"])
    df["text"] = (df["subject"].fillna("") + " " + df["body"]).str.lower().str.strip()
    df = df[df["text"].str.len() > 10]
    df = df[df["desk"].isin(CATEGORIES)]
    df["label"] = df["desk"].map({c: i for i, c in enumerate(CATEGORIES)})
    return df


def build_classifier(vectorizer):
    inputs = keras.Input(shape=(1,), dtype=tf.string)
    x = vectorizer(inputs)
    x = layers.Dense(128, activation="relu")(x)
    x = layers.Dropout(0.4)(x)
    x = layers.Dense(64, activation="relu")(x)
    outputs = layers.Dense(len(CATEGORIES), activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def main():
    tf.random.set_seed(SEED)
    df = load_messages("data/hire_centre_inbox.csv")
    print(df["desk"].value_counts().to_string())

    vectorizer = layers.TextVectorization(
        max_tokens=MAX_TOKENS, output_mode="tf_idf", ngrams=2, standardize="lower_and_strip_punctuation"
    )
    vectorizer.adapt(df["text"].to_numpy())

    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["label"], random_state=SEED)
    x_train = train_df["text"].to_numpy()[:, None]
    x_test = test_df["text"].to_numpy()[:, None]
    y_train = train_df["label"].to_numpy()
    y_test = test_df["label"].to_numpy()

    model = build_classifier(vectorizer)
    model.fit(x_train, y_train, epochs=12, batch_size=32, validation_split=0.1, verbose=2)

    pred = np.argmax(model.predict(x_test, verbose=0), axis=1)
    print(classification_report(y_test, pred, target_names=CATEGORIES, digits=3))
    print(f"Macro F1: {f1_score(y_test, pred, average='macro'):.3f}")

    misrouted = test_df.assign(predicted=[CATEGORIES[i] for i in pred])
    misrouted = misrouted[misrouted["predicted"] != misrouted["desk"]]
    print(misrouted[["desk", "predicted", "subject"]].head(15).to_string(index=False))


if __name__ == "__main__":
    main()
