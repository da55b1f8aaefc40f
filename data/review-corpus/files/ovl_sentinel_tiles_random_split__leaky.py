# label: leakage/overlap
# twin: ovl_sentinel_tiles_random_split__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import glob

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

TILE, STRIDE = 128, 64
g = torch.Generator().manual_seed(17)


def load_scene(path):
    arr = np.load(path)
    image = arr["bands"].astype(np.float32) / 10000.0
    mask = arr["cloud_mask"].astype(np.int64)
    return image, mask


def tile_scene(image, mask):
    tiles, masks = [], []
    _, h, w = image.shape
    for top in range(0, h - TILE + 1, STRIDE):
        for left in range(0, w - TILE + 1, STRIDE):
            tiles.append(image[:, top : top + TILE, left : left + TILE])
            masks.append(mask[top : top + TILE, left : left + TILE])
    return tiles, masks


def to_dataset(tiles, masks):
    return TensorDataset(torch.from_numpy(np.stack(tiles)), torch.from_numpy(np.stack(masks)))


scene_paths = sorted(glob.glob("data/sentinel2_scenes/*.npz"))
all_tiles, all_masks = [], []
for path in scene_paths:
    t, m = tile_scene(*load_scene(path))
    all_tiles += t
    all_masks += m

dataset = to_dataset(all_tiles, all_masks)
n_val = int(0.2 * len(dataset))
train_ds, val_ds = random_split(dataset, [len(dataset) - n_val, n_val], generator=g)

train_loader = DataLoader(train_ds, batch_size=16, shuffle=True, num_workers=4)
val_loader = DataLoader(val_ds, batch_size=32, num_workers=4)
print(f"{len(scene_paths)} scenes -> {len(train_ds)} train tiles, {len(val_ds)} val tiles")
