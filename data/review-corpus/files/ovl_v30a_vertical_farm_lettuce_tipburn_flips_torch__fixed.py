# label: leakage/none
# Vertical farm QA: tipburn on butterhead lettuce from the top-down camera on the
# harvest conveyor (one photo per plant, day 28). Small CNN, runs on the line PC.
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import confusion_matrix, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

torch.manual_seed(0)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
EPOCHS = 25

imgs = np.load("data/vfarm/lettuce_day28_128px.npy")            # (n, 128, 128, 3) uint8
labels = pd.read_csv("data/vfarm/lettuce_day28_labels.csv")     # plant_id, rack, tipburn
y = labels["tipburn"].to_numpy().astype(np.int64)
print(f"{len(y)} plants, tipburn share {y.mean():.3f}")


def flips_and_turns(batch):
    # top-down shots have no 'up', so every flip / quarter turn is a valid photo
    return [
        batch[:, :, ::-1],
        batch[:, ::-1, :],
        np.rot90(batch, 1, axes=(1, 2)),
        np.rot90(batch, 3, axes=(1, 2)),
    ]


X_train, X_test, y_train, y_test = train_test_split(
    imgs, y, test_size=0.2, stratify=y, random_state=0
)

# tipburn is rare - pad the positive class with flipped/turned copies
pos = X_train[y_train == 1]
extra = np.concatenate(flips_and_turns(pos))
X_train = np.concatenate([X_train, extra])
y_train = np.concatenate([y_train, np.ones(len(extra), dtype=np.int64)])


def to_tensor(a):
    a = np.ascontiguousarray(a).astype(np.float32) / 255.0
    return torch.from_numpy(a).permute(0, 3, 1, 2)


train_dl = DataLoader(TensorDataset(to_tensor(X_train), torch.from_numpy(y_train)), batch_size=64, shuffle=True)
test_dl = DataLoader(TensorDataset(to_tensor(X_test), torch.from_numpy(y_test)), batch_size=256)


def block(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(),
        nn.Conv2d(c_out, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(),
        nn.MaxPool2d(2),
    )


net = nn.Sequential(
    block(3, 16), block(16, 32), block(32, 64), block(64, 96),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(96, 2),
).to(DEVICE)

opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=EPOCHS)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(EPOCHS):
    net.train()
    running = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(DEVICE), yb.to(DEVICE)
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    sched.step()
    print(f"epoch {epoch + 1:02d}  train loss {running / len(train_dl.dataset):.4f}")

net.eval()
probs = []
with torch.no_grad():
    for xb, _ in test_dl:
        probs.append(torch.softmax(net(xb.to(DEVICE)), dim=1)[:, 1].cpu())
p = torch.cat(probs).numpy()
pred = (p >= 0.5).astype(int)

print(f"ROC AUC {roc_auc_score(y_test, p):.3f}  F1 {f1_score(y_test, pred):.3f}")
print(confusion_matrix(y_test, pred))
torch.save(net.state_dict(), "models/tipburn_cnn.pt")
