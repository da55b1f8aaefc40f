# label: leakage/preprocessing
# twin: pre_d2l_house_standardize_holdout__fixed.py
# source: adapted from d2l-ai/d2l-en chapter_multilayer-perceptrons/kaggle-house-price.md (sample code MIT-0, LICENSE-SAMPLECODE, (c) the d2l.ai authors)
import pandas as pd
import torch
from torch import nn

train_data = pd.read_csv("kaggle_house_pred_train.csv")
# keep the last 300 labelled houses aside to check the model
holdout = train_data.iloc[-300:]
train_data = train_data.iloc[:-300]

all_features = pd.concat((train_data.iloc[:, 1:-1], holdout.iloc[:, 1:-1]))
n_train = train_data.shape[0]

numeric_features = all_features.dtypes[all_features.dtypes != "object"].index
all_features[numeric_features] = all_features[numeric_features].apply(lambda x: (x - x.mean()) / (x.std()))
# After standardizing the data all means vanish, hence we can set missing values to 0
all_features[numeric_features] = all_features[numeric_features].fillna(0)
all_features = pd.get_dummies(all_features, dummy_na=True, dtype=float)
train_part, holdout_part = all_features[:n_train], all_features[n_train:]

train_features = torch.tensor(train_part.values, dtype=torch.float32)
holdout_features = torch.tensor(holdout_part.values, dtype=torch.float32)
train_labels = torch.tensor(train_data.SalePrice.values.reshape(-1, 1), dtype=torch.float32)
holdout_labels = torch.tensor(holdout.SalePrice.values.reshape(-1, 1), dtype=torch.float32)

loss = nn.MSELoss()
net = nn.Sequential(nn.Linear(train_features.shape[1], 1))


def log_rmse(net, features, labels):
    clipped_preds = torch.clamp(net(features), 1, float("inf"))
    return torch.sqrt(loss(torch.log(clipped_preds), torch.log(labels))).item()


optimizer = torch.optim.Adam(net.parameters(), lr=5, weight_decay=0)
train_iter = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(train_features, train_labels), batch_size=64, shuffle=True
)
for epoch in range(100):
    for X, y in train_iter:
        optimizer.zero_grad()
        l = loss(net(X), y)
        l.backward()
        optimizer.step()

print(f"train log rmse {log_rmse(net, train_features, train_labels):f}")
print(f"holdout log rmse {log_rmse(net, holdout_features, holdout_labels):f}")
