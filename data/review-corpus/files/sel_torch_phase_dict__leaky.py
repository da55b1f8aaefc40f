# label: leakage/selection
# twin: sel_torch_phase_dict__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import copy

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

feats = torch.tensor(np.load("audio_feats.npy"), dtype=torch.float32)
labels = torch.tensor(np.load("speaker.npy"), dtype=torch.long)
full = TensorDataset(feats, labels)
parts = dict(zip(["train", "test"], random_split(full, [0.8, 0.2], generator=torch.Generator().manual_seed(2))))
loaders = {
    "train": DataLoader(parts["train"], batch_size=32, shuffle=True),
    "test": DataLoader(parts["test"], batch_size=128),
}

net = nn.Sequential(nn.Linear(feats.shape[1], 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 40))
optimizer = torch.optim.AdamW(net.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()
best_acc, best_weights = 0.0, copy.deepcopy(net.state_dict())
for epoch in range(30):
    for phase in ["train", "test"]:
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
        if phase == "test" and acc > best_acc:
            best_acc = acc
            best_weights = copy.deepcopy(net.state_dict())
net.load_state_dict(best_weights)
print(f"best test accuracy {best_acc:.3f}")
