# label: leakage/selection
# Herring otolith age reading: fine-tune a ResNet-18 on the lab's reference images,
# then pick a test-time augmentation set for the production reader.
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import Dataset, DataLoader
from torchvision import models, transforms
from torchvision.transforms import functional as TF
from PIL import Image
from sklearn.metrics import accuracy_score, mean_absolute_error

IMG_ROOT = "otoliths/images"
EPOCHS = 12
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(7)

readings = pd.read_csv("otoliths/reference_readings.csv")   # image_file, fish_id, age_read, survey_year
readings["age_class"] = readings["age_read"].clip(upper=8).astype(int)
train_df = readings[readings["survey_year"] <= 2020].reset_index(drop=True)
test_df = readings[readings["survey_year"] > 2020].reset_index(drop=True)

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
plain_tf = transforms.Compose([
    transforms.Resize((256, 256)), transforms.ToTensor(), transforms.Normalize(MEAN, STD)])
aug_tf = transforms.Compose([
    transforms.Resize((256, 256)), transforms.RandomRotation(15),
    transforms.ColorJitter(brightness=0.2, contrast=0.2),
    transforms.ToTensor(), transforms.Normalize(MEAN, STD)])


class OtolithImages(Dataset):
    def __init__(self, frame, tf):
        self.files = frame["image_file"].tolist()
        self.ages = frame["age_class"].to_numpy()
        self.tf = tf

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        img = Image.open(f"{IMG_ROOT}/{self.files[i]}").convert("RGB")
        return self.tf(img), int(self.ages[i])


train_dl = DataLoader(OtolithImages(train_df, aug_tf), batch_size=32, shuffle=True, num_workers=4)
test_dl = DataLoader(OtolithImages(test_df, plain_tf), batch_size=64, num_workers=4)

net = models.resnet18(weights=models.ResNet18_Weights.DEFAULT)
net.fc = nn.Linear(net.fc.in_features, 9)
net = net.to(device)
opt = torch.optim.AdamW(net.parameters(), lr=3e-4, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=EPOCHS)
loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)

for epoch in range(EPOCHS):
    net.train()
    running = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(yb)
    sched.step()
    print(f"epoch {epoch + 1:2d}  train loss {running / len(train_dl.dataset):.4f}")

TTA_SETS = {
    "none": [lambda x: x],
    "hflip": [lambda x: x, TF.hflip],
    "flips": [lambda x: x, TF.hflip, TF.vflip, lambda x: TF.vflip(TF.hflip(x))],
    "rotate": [lambda x: x] + [lambda x, a=a: TF.rotate(x, a) for a in (-12, -6, 6, 12)],
}


@torch.no_grad()
def predict(model, loader, views):
    model.eval()
    probs, ys = [], []
    for xb, yb in loader:
        xb = xb.to(device)
        p = torch.stack([model(v(xb)).softmax(dim=1) for v in views]).mean(dim=0)
        probs.append(p.cpu())
        ys.append(yb)
    return torch.cat(probs).argmax(dim=1).numpy(), torch.cat(ys).numpy()


results = {}
for name, views in TTA_SETS.items():
    pred, true = predict(net, test_dl, views)
    results[name] = accuracy_score(true, pred)
    print(f"TTA {name:7s} exact-age accuracy {results[name]:.3f}")

best_tta = max(results, key=results.get)
pred, true = predict(net, test_dl, TTA_SETS[best_tta])
print(f"\nreader config: TTA={best_tta}")
print(f"exact agreement with reference age : {accuracy_score(true, pred):.3f}")
print(f"within +/-1 year                   : {np.mean(np.abs(pred - true) <= 1):.3f}")
print(f"MAE (years)                        : {mean_absolute_error(true, pred):.3f}")
torch.save({"state_dict": net.state_dict(), "tta": best_tta}, "otolith_reader_resnet18.pt")
