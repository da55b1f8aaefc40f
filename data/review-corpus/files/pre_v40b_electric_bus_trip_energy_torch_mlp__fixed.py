# label: leakage/none
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

NUM_FEATURES = [
    "distance_km", "elevation_gain_m", "elevation_loss_m", "avg_speed_kmh",
    "stops_served", "ambient_temp_c", "hvac_setpoint_c", "mean_occupancy_est",
    "battery_soh_pct", "headwind_ms",
]
TARGET = "kwh_per_km"
TEST_FROM = pd.Timestamp("2024-07-01")


def load_trips(path):
    trips = pd.read_parquet(path)
    trips = trips[(trips["distance_km"] > 2) & trips[TARGET].between(0.3, 3.5)]
    trips = trips.dropna(subset=NUM_FEATURES + [TARGET]).copy()
    trips["is_night"] = (trips["departure_hour"] < 6).astype(float)
    trips["is_winter"] = trips["service_date"].dt.month.isin([12, 1, 2]).astype(float)
    trips["stops_per_km"] = trips["stops_served"] / trips["distance_km"]
    return trips.reset_index(drop=True)


class DrainRegressor(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 128), nn.SiLU(),
            nn.Linear(128, 64), nn.SiLU(),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def main():
    torch.manual_seed(3)
    trips = load_trips("fleet/ebus_trips_2023_2024.parquet")
    cols = NUM_FEATURES + ["is_night", "is_winter", "stops_per_km"]
    X = torch.tensor(trips[cols].to_numpy(), dtype=torch.float32)
    y = torch.tensor(trips[TARGET].to_numpy(), dtype=torch.float32)
    train_mask = torch.tensor((trips["service_date"] < TEST_FROM).to_numpy())

    mu, sigma = X[train_mask].mean(dim=0), X[train_mask].std(dim=0)
    Xn = (X - mu) / sigma.clamp_min(1e-6)

    train_loader = DataLoader(TensorDataset(Xn[train_mask], y[train_mask]), batch_size=512, shuffle=True)
    X_test, y_test = Xn[~train_mask], y[~train_mask]
    print(f"train trips {int(train_mask.sum())}, test trips {len(y_test)}")

    model = DrainRegressor(len(cols))
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=15, gamma=0.5)
    loss_fn = nn.HuberLoss(delta=0.2)

    for epoch in range(45):
        model.train()
        running = 0.0
        for xb, yb in train_loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)
        sched.step()
        if epoch % 5 == 4:
            print(f"epoch {epoch + 1:2d}  train loss {running / int(train_mask.sum()):.5f}")

    model.eval()
    with torch.no_grad():
        pred = model(X_test)
    err = (pred - y_test).numpy()
    print(f"test MAE  {np.mean(np.abs(err)):.4f} kWh/km")
    print(f"test RMSE {np.sqrt(np.mean(err ** 2)):.4f} kWh/km")
    print(f"test MAPE {np.mean(np.abs(err) / y_test.numpy()):.2%}")

    test_trips = trips.loc[(~train_mask).numpy()].assign(abs_err=np.abs(err))
    print(test_trips.groupby("route_id")["abs_err"].mean().sort_values(ascending=False).head(10).round(4))
    torch.save({"state": model.state_dict(), "mu": mu, "sigma": sigma, "cols": cols}, "ebus_drain_mlp.pt")


if __name__ == "__main__":
    main()
