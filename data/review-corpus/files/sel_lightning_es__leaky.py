# label: leakage/selection
# twin: sel_lightning_es__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import lightning as L
import torch
from lightning.pytorch.callbacks import EarlyStopping
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split


class Regressor(L.LightningModule):
    def __init__(self, d):
        super().__init__()
        self.net = torch.nn.Sequential(torch.nn.Linear(d, 64), torch.nn.ReLU(), torch.nn.Linear(64, 1))

    def training_step(self, batch, batch_idx):
        x, y = batch
        return torch.nn.functional.mse_loss(self.net(x).squeeze(-1), y)

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_loss", torch.nn.functional.mse_loss(self.net(x).squeeze(-1), y))

    def test_step(self, batch, batch_idx):
        x, y = batch
        self.log("test_mse", torch.nn.functional.mse_loss(self.net(x).squeeze(-1), y))

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)


X = torch.load("X.pt")
y = torch.load("y.pt")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
train_dl = DataLoader(TensorDataset(X_tr, y_tr), batch_size=64, shuffle=True)
test_dl = DataLoader(TensorDataset(X_te, y_te), batch_size=256)

model = Regressor(X.shape[1])
trainer = L.Trainer(max_epochs=100, callbacks=[EarlyStopping(monitor="val_loss", patience=5)])
trainer.fit(model, train_dl, test_dl)
trainer.test(model, test_dl)
