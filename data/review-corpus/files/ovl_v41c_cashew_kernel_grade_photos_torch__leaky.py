# label: leakage/overlap
import os

import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms

IMG_DIR = "kernel_photos"
GRADES = ["W240", "W320", "W450", "SW", "LWP", "SWP", "BB", "scorched"]
COPIES = 4  # 0, 90, 180, 270 degree views of each kernel
device = "cuda" if torch.cuda.is_available() else "cpu"

to_tensor = transforms.Compose([
    transforms.Resize((160, 160)),
    transforms.ToTensor(),
    transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
])


class KernelPhotos(Dataset):
    def __init__(self, frame, copies=1):
        self.files = frame["file"].tolist()
        self.labels = [GRADES.index(g) for g in frame["grade"]]
        self.copies = copies

    def __len__(self):
        return len(self.files) * self.copies

    def __getitem__(self, idx):
        i, k = divmod(idx, self.copies)
        img = Image.open(os.path.join(IMG_DIR, self.files[i])).convert("RGB")
        x = torch.rot90(to_tensor(img), k, dims=(1, 2))
        return x, self.labels[i]


def run_epoch(net, loader, opt=None):
    net.train(opt is not None)
    loss_fn = nn.CrossEntropyLoss()
    total, hits, loss_sum = 0, 0, 0.0
    with torch.set_grad_enabled(opt is not None):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            out = net(x)
            loss = loss_fn(out, y)
            if opt is not None:
                opt.zero_grad()
                loss.backward()
                opt.step()
            loss_sum += loss.item() * len(y)
            hits += (out.argmax(1) == y).sum().item()
            total += len(y)
    return loss_sum / total, hits / total


labels = pd.read_csv(os.path.join(IMG_DIR, "grades.csv"))  # one photo per kernel: file, grade
labels = labels[labels["grade"].isin(GRADES)].reset_index(drop=True)

full = KernelPhotos(labels, copies=COPIES)
train_set, test_set = torch.utils.data.random_split(
    full, [0.8, 0.2], generator=torch.Generator().manual_seed(0)
)
train_loader = DataLoader(train_set, batch_size=64, shuffle=True, num_workers=4)
test_loader = DataLoader(test_set, batch_size=128, num_workers=4)

net = models.resnet18(weights=models.ResNet18_Weights.IMAGENET1K_V1)
net.fc = nn.Linear(net.fc.in_features, len(GRADES))
net = net.to(device)
opt = torch.optim.AdamW(net.parameters(), lr=3e-4, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=12)

for epoch in range(12):
    tr_loss, tr_acc = run_epoch(net, train_loader, opt)
    sched.step()
    print(f"epoch {epoch + 1:2d}  loss {tr_loss:.3f}  acc {tr_acc:.3f}")

test_loss, test_acc = run_epoch(net, test_loader)
print(f"grading accuracy on held-out kernels: {test_acc:.3f} (loss {test_loss:.3f})")
torch.save(net.state_dict(), "cashew_grader_resnet18.pt")
