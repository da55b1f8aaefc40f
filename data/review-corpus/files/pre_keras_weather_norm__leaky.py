# label: leakage/preprocessing
# twin: pre_keras_weather_norm__fixed.py
# source: adapted from keras-io examples/timeseries/timeseries_weather_forecasting.py (Apache-2.0, (c) the Keras authors)
import pandas as pd
from tensorflow import keras

df = pd.read_csv("jena_climate_2009_2016.csv")
feature_keys = ["p (mbar)", "T (degC)", "VPmax (mbar)", "VPdef (mbar)", "sh (g/kg)", "rho (g/m**3)", "wv (m/s)"]

split_fraction = 0.715
train_split = int(split_fraction * int(df.shape[0]))
step = 6
past = 720
future = 72
batch_size = 256


def normalize(data):
    data_mean = data.mean(axis=0)
    data_std = data.std(axis=0)
    return (data - data_mean) / data_std


features = df[feature_keys]
features.index = df["Date Time"]
features = normalize(features.values)
features = pd.DataFrame(features)

train_data = features.loc[0 : train_split - 1]
val_data = features.loc[train_split:]

start = past + future
x_train = train_data.iloc[: len(train_data) - start][[i for i in range(7)]].values
y_train = train_data.iloc[start:][[1]]
sequence_length = int(past / step)
dataset_train = keras.preprocessing.timeseries_dataset_from_array(
    x_train, y_train, sequence_length=sequence_length, sampling_rate=step, batch_size=batch_size
)

x_val = val_data.iloc[: len(val_data) - start][[i for i in range(7)]].values
y_val = val_data.iloc[start:][[1]]
dataset_val = keras.preprocessing.timeseries_dataset_from_array(
    x_val, y_val, sequence_length=sequence_length, sampling_rate=step, batch_size=batch_size
)

inputs = keras.layers.Input(shape=(sequence_length, 7))
outputs = keras.layers.Dense(1)(keras.layers.LSTM(32)(inputs))
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")
history = model.fit(dataset_train, epochs=10)
print("validation mse", model.evaluate(dataset_val))
