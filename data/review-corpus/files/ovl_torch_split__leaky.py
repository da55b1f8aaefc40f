# label: leakage/overlap
# twin: ovl_torch_split__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
import torch
from torch.utils.data import TensorDataset, random_split, DataLoader
from imblearn.over_sampling import SMOTE
X = np.load("X.npy"); y = np.load("y.npy")
X_bal, y_bal = SMOTE(random_state=0).fit_resample(X, y)
ds = TensorDataset(torch.tensor(X_bal), torch.tensor(y_bal))
train_ds, test_ds = random_split(ds, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
loader = DataLoader(train_ds, batch_size=64)
