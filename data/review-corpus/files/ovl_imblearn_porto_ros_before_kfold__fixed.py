# label: leakage/none
# twin: ovl_imblearn_porto_ros_before_kfold__leaky.py
# source: adapted from imbalanced-learn examples/applications/porto_seguro_keras_under_sampling.py (MIT, (c) the imbalanced-learn developers)
from collections import Counter

import numpy as np
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from keras.layers import Activation, BatchNormalization, Dense, Dropout
from keras.models import Sequential
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

training_data = pd.read_csv("./input/train.csv")
y_train = training_data[["id", "target"]].set_index("id")
X_train = training_data.drop(["target"], axis=1).set_index("id")
print("The data set is imbalanced: {}".format(Counter(y_train["target"])))

def convert_float64(X):
    return X.astype(np.float64)


numerical_columns = [name for name in X_train.columns if "_calc_" in name and "_bin" not in name]
numerical_pipeline = make_pipeline(FunctionTransformer(func=convert_float64, validate=False), StandardScaler())
categorical_columns = [name for name in X_train.columns if "_cat" in name]
categorical_pipeline = make_pipeline(
    SimpleImputer(missing_values=-1, strategy="most_frequent"), OneHotEncoder(categories="auto")
)
preprocessor = ColumnTransformer(
    [
        ("numerical_preprocessing", numerical_pipeline, numerical_columns),
        ("categorical_preprocessing", categorical_pipeline, categorical_columns),
    ],
    remainder="drop",
)


def make_model(n_features):
    model = Sequential()
    model.add(Dense(200, input_shape=(n_features,), kernel_initializer="glorot_normal"))
    model.add(Activation("relu"))
    model.add(BatchNormalization())
    model.add(Dropout(0.5))
    model.add(Dense(50, kernel_initializer="glorot_normal"))
    model.add(Activation("relu"))
    model.add(BatchNormalization())
    model.add(Dropout(0.15))
    model.add(Dense(1, activation="sigmoid"))
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


def fit_predict_model(X_train, y_train, X_test, y_test):
    model = make_model(X_train.shape[1])
    model.fit(X_train, y_train, epochs=2, verbose=1, batch_size=1000)
    y_pred = model.predict(X_test, batch_size=1000)
    return roc_auc_score(y_test, y_pred)


skf = StratifiedKFold(n_splits=10)
cv_results = []
for train_idx, valid_idx in skf.split(X_train, y_train):
    X_local_train = preprocessor.fit_transform(X_train.iloc[train_idx])
    y_local_train = y_train.iloc[train_idx].values.ravel()
    X_local_test = preprocessor.transform(X_train.iloc[valid_idx])
    y_local_test = y_train.iloc[valid_idx].values.ravel()
    # Balance the classes of the training folds only, by repeating the policies with a claim.
    X_local_train, y_local_train = RandomOverSampler(random_state=42).fit_resample(X_local_train, y_local_train)
    cv_results.append(fit_predict_model(X_local_train, y_local_train, X_local_test, y_local_test))

print("ROC-AUC: {:.3f} +/- {:.3f}".format(np.mean(cv_results), np.std(cv_results)))
