# label: leakage/none
"""Predict Vicat initial setting time of alkali-activated (geopolymer) binders from the mix sheet.

Site trials need a pot life of at least 45 minutes; a good estimate lets the lab screen
new fly ash / slag blends before casting trial cubes.
"""
import numpy as np
import polars as pl
import torch
from torch import nn
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import QuantileTransformer

MIX = ["fly_ash_pct", "slag_pct", "metakaolin_pct", "CaO", "SiO2", "Al2O3", "Fe2O3",
       "Na2O", "naoh_molarity", "silicate_modulus", "activator_binder", "water_solids",
       "superplasticiser_pct", "retarder_pct"]
EXTRA = ["mix_temp_c", "ambient_rh", "heat_cured"]


def load_mixes(path):
    df = pl.read_csv(path)
    df = df.filter(pl.col("initial_set_min").is_not_null() & (pl.col("initial_set_min") < 600))
    df = df.with_columns([pl.col(c).fill_null(0.0) for c in ["metakaolin_pct", "superplasticiser_pct", "retarder_pct"]])
    # repeat batches of the same mix: keep the first test
    df = df.unique(subset=MIX + ["heat_cured"], keep="first", maintain_order=True)
    df = df.with_columns(
        (pl.col("SiO2") / pl.col("Al2O3")).alias("si_al_ratio"),
        (pl.col("CaO") / pl.col("SiO2")).alias("ca_si_ratio"),
        (pl.col("heat_cured") == "yes").cast(pl.Float32).alias("heat_cured"),
    )
    return df


def make_mlp(n_in):
    return nn.Sequential(
        nn.Linear(n_in, 128), nn.SiLU(), nn.Dropout(0.1),
        nn.Linear(128, 64), nn.SiLU(),
        nn.Linear(64, 1),
    )


def main():
    torch.manual_seed(4)
    mixes = load_mixes("binder_set_tests.csv")
    feature_cols = MIX + EXTRA + ["si_al_ratio", "ca_si_ratio"]
    X = mixes.select(feature_cols).to_numpy().astype(np.float32)
    y = mixes["initial_set_min"].to_numpy().astype(np.float32)
    print(f"{len(y)} mixes, initial set {y.min():.0f}-{y.max():.0f} min")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=4)

    qt = QuantileTransformer(n_quantiles=200, output_distribution="normal", random_state=4)
    X_train = qt.fit_transform(X_train).astype(np.float32)
    X_test = qt.transform(X_test).astype(np.float32)
    y_mean, y_std = y_train.mean(), y_train.std()

    Xt = torch.from_numpy(X_train)
    yt = torch.from_numpy((y_train - y_mean) / y_std)
    model = make_mlp(Xt.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.SmoothL1Loss()

    for epoch in range(300):
        model.train()
        perm = torch.randperm(len(Xt))
        for i in range(0, len(Xt), 32):
            idx = perm[i:i + 32]
            opt.zero_grad()
            loss = loss_fn(model(Xt[idx]).squeeze(-1), yt[idx])
            loss.backward()
            opt.step()
        if epoch % 50 == 0:
            print(f"epoch {epoch:3d}  loss {loss.item():.4f}")

    model.eval()
    with torch.no_grad():
        pred = model(torch.from_numpy(X_test)).squeeze(-1).numpy() * y_std + y_mean
    mae = np.abs(pred - y_test).mean()
    within = (np.abs(pred - y_test) <= 15.0).mean()
    print(f"test MAE: {mae:.1f} min")
    print(f"share within +/-15 min: {within:.1%}")
    torch.save(model.state_dict(), "binder_set_mlp.pt")


if __name__ == "__main__":
    main()
