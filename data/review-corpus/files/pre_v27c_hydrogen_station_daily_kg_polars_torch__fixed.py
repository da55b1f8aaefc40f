# label: leakage/none
"""Forecast next-day hydrogen dispensed (kg) at each refuelling station from recent demand and fleet data."""
import numpy as np
import polars as pl
import torch
from torch import nn

torch.manual_seed(5)

fills = pl.read_parquet("dispenser_transactions.parquet")
fleet = pl.read_csv("fleet_registrations_weekly.csv", try_parse_dates=True)
prices = pl.read_csv("station_price_board.csv", try_parse_dates=True)

daily = (fills.with_columns(pl.col("fill_start").dt.date().alias("day"))
         .group_by(["station_id", "day"])
         .agg(pl.col("kg_dispensed").sum().alias("kg"), pl.len().alias("n_fills"),
              (pl.col("vehicle_class") == "bus").sum().alias("bus_fills"))
         .sort(["station_id", "day"]))

daily = (daily.join(prices, on=["station_id", "day"], how="left")
              .with_columns(pl.col("day").dt.truncate("1w").alias("week"))
              .join(fleet, on=["station_id", "week"], how="left")
              .with_columns(pl.col("price_per_kg").forward_fill().over("station_id")))

daily = daily.with_columns(
    pl.col("kg").shift(-1).over("station_id").alias("kg_next"),
    pl.col("kg").rolling_mean(7).over("station_id").alias("kg_avg7"),
    pl.col("kg").shift(6).over("station_id").alias("kg_same_dow_prev"),
    pl.col("bus_fills").rolling_sum(7).over("station_id").alias("bus_fills7"),
    ((pl.col("day").dt.weekday() + 1) % 7).alias("next_dow"),
).drop_nulls(["kg_next", "kg_avg7", "kg_same_dow_prev"])

num_cols = ["kg", "n_fills", "kg_avg7", "kg_same_dow_prev", "bus_fills7", "price_per_kg",
            "fcev_cars_registered", "fuel_cell_buses_registered"]
daily = daily.with_columns([pl.col(c).forward_fill().over("station_id").fill_null(0) for c in num_cols])

cutoff = pl.date(2024, 7, 1)
stats = (daily.filter(pl.col("day") < cutoff)
         .select([pl.col(c).mean().alias(f"{c}_m") for c in num_cols] +
                 [pl.col(c).std().alias(f"{c}_s") for c in num_cols]).row(0, named=True))
daily = daily.with_columns([((pl.col(c) - stats[f"{c}_m"]) / stats[f"{c}_s"]).alias(f"z_{c}") for c in num_cols])
daily = daily.with_columns([(pl.col("next_dow") == d).cast(pl.Float32).alias(f"dow_{d}") for d in range(7)])

feat = [f"z_{c}" for c in num_cols] + [f"dow_{d}" for d in range(7)]
train = daily.filter(pl.col("day") < cutoff)
test = daily.filter(pl.col("day") >= cutoff)


def tensors(frame):
    X = torch.tensor(frame.select(feat).to_numpy(), dtype=torch.float32)
    y = torch.tensor(frame["kg_next"].to_numpy(), dtype=torch.float32).unsqueeze(1)
    return X, y


X_tr, y_tr = tensors(train)
X_te, y_te = tensors(test)
y_scale = float(y_tr.mean())

net = nn.Sequential(nn.Linear(len(feat), 48), nn.SiLU(), nn.Linear(48, 24), nn.SiLU(), nn.Linear(24, 1))
opt = torch.optim.Adam(net.parameters(), lr=2e-3)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_tr, y_tr / y_scale), batch_size=128,
                                     shuffle=True)
for epoch in range(80):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.l1_loss(net(xb), yb)
        loss.backward()
        opt.step()
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  train L1 {loss.item():.4f}")

net.eval()
with torch.no_grad():
    pred = (net(X_te) * y_scale).squeeze(1).numpy()
actual = y_te.squeeze(1).numpy()
naive = test["kg_avg7"].to_numpy()
print(f"test days: {len(actual)}")
print(f"MLP MAE:         {np.mean(np.abs(pred - actual)):.1f} kg")
print(f"7-day mean MAE:  {np.mean(np.abs(naive - actual)):.1f} kg")
