# label: leakage/none
# Sorting line camera: classify each halved chestnut as sound vs kernel mould.
# index.csv has one row per photographed nut: file name, batch id, grader label.
import pandas as pd
import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split
from torchvision import transforms

IMG_DIR = "data/chestnut_photos"
COPIES = 4
torch.manual_seed(5)

to_tensor = transforms.Compose([
    transforms.Resize((128, 128)),
    transforms.ToTensor(),
    transforms.Normalize([0.5, 0.5, 0.5], [0.25, 0.25, 0.25]),
])
jitter = transforms.Compose([
    transforms.RandomHorizontalFlip(),
    transforms.RandomVerticalFlip(),
    transforms.RandomRotation(25),
    transforms.ColorJitter(brightness=0.2, contrast=0.2),
])


class NutPhotos(Dataset):
    def __init__(self, index_csv):
        self.index = pd.read_csv(index_csv)
        self.index = self.index[self.index["label"].isin(["sound", "mould"])].reset_index(drop=True)

    def __len__(self):
        return len(self.index)

    def __getitem__(self, i):
        row = self.index.iloc[i]
        img = Image.open(f"{IMG_DIR}/{row['file']}").convert("RGB")
        return img, int(row["label"] == "mould")


class Expanded(Dataset):
    """Original photo plus randomly transformed copies of it."""

    def __init__(self, base, copies):
        self.base, self.copies = base, copies

    def __len__(self):
        return len(self.base) * (self.copies + 1)

    def __getitem__(self, i):
        img, y = self.base[i // (self.copies + 1)]
        if i % (self.copies + 1):
            img = jitter(img)
        return to_tensor(img), y


def make_net():
    def block(cin, cout):
        return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2))
    return nn.Sequential(block(3, 16), block(16, 32), block(32, 64), block(64, 96),
                         nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(96, 2))


photos = NutPhotos(f"{IMG_DIR}/index.csv")
n_test = int(0.2 * len(photos))
train_photos, test_photos = random_split(photos, [len(photos) - n_test, n_test])
train_ds, test_ds = Expanded(train_photos, COPIES), Expanded(test_photos, 0)

train_dl = DataLoader(train_ds, batch_size=64, shuffle=True, num_workers=4)
test_dl = DataLoader(test_ds, batch_size=128, num_workers=4)

device = "cuda" if torch.cuda.is_available() else "cpu"
net = make_net().to(device)
# mouldy kernels are roughly one nut in six on the line
loss_fn = nn.CrossEntropyLoss(weight=torch.tensor([1.0, 5.0], device=device))
opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)

for epoch in range(20):
    net.train()
    total = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(yb)
    print(f"epoch {epoch + 1:2d}  train loss {total / len(train_ds):.4f}")

net.eval()
tp = fp = fn = hits = 0
with torch.no_grad():
    for xb, yb in test_dl:
        pred = net(xb.to(device)).argmax(1).cpu()
        hits += (pred == yb).sum().item()
        tp += ((pred == 1) & (yb == 1)).sum().item()
        fp += ((pred == 1) & (yb == 0)).sum().item()
        fn += ((pred == 0) & (yb == 1)).sum().item()

print(f"test accuracy: {hits / len(test_ds):.3f}")
print(f"mould recall:    {tp / max(tp + fn, 1):.3f}")
print(f"mould precision: {tp / max(tp + fp, 1):.3f}")
torch.save(net.state_dict(), "chestnut_mould_cnn.pt")
