# label: leakage/none
# twin: ovl_torch_split__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
import torch
from torch.utils.data import TensorDataset, random_split, DataLoader
from imblearn.over_sampling import SMOTE
X = np.load("X.npy"); y = np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_bal, y_bal = SMOTE(random_state=0).fit_resample(X_train, y_train)
train_ds = TensorDataset(torch.tensor(X_bal), torch.tensor(y_bal))
loader = DataLoader(train_ds, batch_size=64)
