# label: leakage/preprocessing
"""Cupping score from NIR scans of green coffee lots.

One averaged NIR spectrum (1100-2500 nm, 2 nm steps) per purchased lot, paired
with the SCA cupping score from the Q-grader panel.
"""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset
from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split

N_COMPONENTS = 24
EPOCHS = 250


def snv(spectra):
    # standard normal variate, per spectrum
    mu = spectra.mean(axis=1, keepdims=True)
    sd = spectra.std(axis=1, keepdims=True)
    return (spectra - mu) / sd


class SpectraDataset(Dataset):
    def __init__(self, scores, targets):
        self.x = torch.as_tensor(scores, dtype=torch.float32)
        self.y = torch.as_tensor(targets, dtype=torch.float32).unsqueeze(1)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class CuppingRegressor(nn.Module):
    def __init__(self, n_in, hidden=48):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.GELU(), nn.Dropout(0.15),
            nn.Linear(hidden, hidden // 2), nn.GELU(),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.net(x)


def train(model, loader, epochs=EPOCHS, lr=2e-3):
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    loss_fn = nn.SmoothL1Loss(beta=0.5)
    for epoch in range(epochs):
        model.train()
        total = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        sched.step()
        if epoch % 50 == 0:
            print(f"epoch {epoch:3d}  train loss {total / len(loader.dataset):.4f}")
    return model


def main():
    torch.manual_seed(12)
    data = np.load("green_lots_nir.npz")
    spectra, cupping = snv(data["absorbance"]), data["sca_score"]
    print(f"{len(cupping)} lots, {spectra.shape[1]} wavelengths")

    pca = PCA(n_components=N_COMPONENTS, whiten=True, random_state=12)
    scores = pca.fit_transform(spectra)
    print(f"explained variance: {pca.explained_variance_ratio_.sum():.3f}")
    s_train, s_test, y_train, y_test = train_test_split(scores, cupping, test_size=0.2, random_state=12)

    loader = DataLoader(SpectraDataset(s_train, y_train), batch_size=16, shuffle=True)
    model = train(CuppingRegressor(N_COMPONENTS), loader)

    model.eval()
    with torch.no_grad():
        pred = model(torch.as_tensor(s_test, dtype=torch.float32)).squeeze(1).numpy()
    rmse = float(np.sqrt(np.mean((pred - y_test) ** 2)))
    rpd = float(np.std(y_test, ddof=1) / rmse)
    specialty_hit = np.mean((pred >= 80) == (y_test >= 80))
    print(f"test RMSEP {rmse:.2f} pts | RPD {rpd:.2f} | specialty (>=80) agreement {specialty_hit:.1%}")
    torch.save({"model": model.state_dict(), "pca_components": pca.components_}, "cupping_nir_mlp.pt")


if __name__ == "__main__":
    main()
