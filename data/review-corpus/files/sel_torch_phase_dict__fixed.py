# label: leakage/none
# twin: sel_torch_phase_dict__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import copy

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

feats = torch.tensor(np.load("audio_feats.npy"), dtype=torch.float32)
labels = torch.tensor(np.load("speaker.npy"), dtype=torch.long)
full = TensorDataset(feats, labels)
parts = dict(zip(["train", "val", "test"], random_split(full, [0.7, 0.1, 0.2], generator=torch.Generator().manual_seed(2))))
loaders = {
    "train": DataLoader(parts["train"], batch_size=32, shuffle=True),
    "val": DataLoader(parts["val"], batch_size=128),
    "test": DataLoader(parts["test"], batch_size=128),
}

net = nn.Sequential(nn.Linear(feats.shape[1], 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 40))
optimizer = torch.optim.AdamW(net.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()
best_acc, best_weights = 0.0, copy.deepcopy(net.state_dict())
for epoch in range(30):
    for phase in ["train", "val"]:
        net.train() if phase == "train" else net.eval()
        correct = 0
        for inputs, targets in loaders[phase]:
            optimizer.zero_grad()
            with torch.set_grad_enabled(phase == "train"):
                outputs = net(inputs)
                loss = criterion(outputs, targets)
                if phase == "train":
                    loss.backward()
                    optimizer.step()
            correct += (outputs.argmax(1) == targets).sum().item()
        acc = correct / len(loaders[phase].dataset)
        if phase == "val" and acc > best_acc:
            best_acc = acc
            best_weights = copy.deepcopy(net.state_dict())
net.load_state_dict(best_weights)
net.eval()
with torch.no_grad():
    correct = sum((net(x).argmax(1) == y).sum().item() for x, y in loaders["test"])
print(f"test accuracy {correct / len(loaders['test'].dataset):.3f}")
