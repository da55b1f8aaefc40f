# label: leakage/preprocessing
# twin: pre_keras_tokenizer_all_tweets__fixed.py
# source: hand-written for ai-ci held-out v3 in the style of Kaggle disaster-tweets notebooks (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer

keras.utils.set_random_seed(42)
MAX_WORDS, MAX_LEN = 20000, 40

tweets = pd.read_csv("disaster_tweets.csv")
tokenizer = Tokenizer(num_words=MAX_WORDS, oov_token="<unk>")
tokenizer.fit_on_texts(tweets["text"])
sequences = pad_sequences(tokenizer.texts_to_sequences(tweets["text"]), maxlen=MAX_LEN)
labels = tweets["target"].to_numpy()

x_train, x_test, y_train, y_test = train_test_split(sequences, labels, test_size=0.2, stratify=labels, random_state=42)

model = keras.Sequential([
    keras.layers.Embedding(MAX_WORDS, 64),
    keras.layers.Bidirectional(keras.layers.LSTM(32)),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=5, batch_size=64)
print("test accuracy", model.evaluate(x_test, y_test, verbose=0)[1])
