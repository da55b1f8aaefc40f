# label: leakage/none
# twin: pre_keras_tokenizer_all_tweets__leaky.py
# source: hand-written for ai-ci held-out v3 in the style of Kaggle disaster-tweets notebooks (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer

keras.utils.set_random_seed(42)
MAX_WORDS, MAX_LEN = 20000, 40

tweets = pd.read_csv("disaster_tweets.csv")
labels = tweets["target"].to_numpy()
text_train, text_test, y_train, y_test = train_test_split(
    tweets["text"], labels, test_size=0.2, stratify=labels, random_state=42
)

tokenizer = Tokenizer(num_words=MAX_WORDS, oov_token="<unk>")
tokenizer.fit_on_texts(text_train)
x_train = pad_sequences(tokenizer.texts_to_sequences(text_train), maxlen=MAX_LEN)
x_test = pad_sequences(tokenizer.texts_to_sequences(text_test), maxlen=MAX_LEN)

model = keras.Sequential([
    keras.layers.Embedding(MAX_WORDS, 64),
    keras.layers.Bidirectional(keras.layers.LSTM(32)),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=5, batch_size=64)
print("test accuracy", model.evaluate(x_test, y_test, verbose=0)[1])
