# label: leakage/overlap
"""Near-miss / collision frame classifier for the fleet dashcam programme.

Telematics triggers upload a 20 s clip per event; the frame extractor writes
frames at 2 fps into frames/<clip_id>/<frame_no>.jpg and an index CSV with the
clip-level review outcome (1 = collision or near miss, 0 = harsh braking only).
"""
import pandas as pd
import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split
from torchvision import models, transforms

CONFIG = {
    "index_csv": "frames/frame_index.csv",
    "reviews_csv": "frames/clip_reviews.csv",
    "image_size": 224,
    "batch_size": 64,
    "epochs": 6,
    "lr": 3e-4,
    "test_fraction": 0.2,
    "seed": 2024,
}
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


class FrameDataset(Dataset):
    def __init__(self, table, transform):
        self.paths = table["frame_path"].tolist()
        self.labels = table["event_label"].tolist()
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB")
        return self.transform(img), torch.tensor(self.labels[i], dtype=torch.float32)


def build_table(cfg):
    frames = pd.read_csv(cfg["index_csv"])
    reviews = pd.read_csv(cfg["reviews_csv"])
    table = frames.merge(reviews[["clip_id", "event_label"]], on="clip_id")
    # frames more than 6 s before the trigger are mostly empty road
    return table[table["sec_from_trigger"] >= -6.0].reset_index(drop=True)


def evaluate(model, loader):
    model.eval()
    n_right, total, tp, fp, fn = 0, 0, 0, 0, 0
    with torch.no_grad():
        for x, y in loader:
            pred = (torch.sigmoid(model(x.to(DEVICE)).squeeze(1)) > 0.5).float().cpu()
            n_right += (pred == y).sum().item()
            total += len(y)
            tp += ((pred == 1) & (y == 1)).sum().item()
            fp += ((pred == 1) & (y == 0)).sum().item()
            fn += ((pred == 0) & (y == 1)).sum().item()
    recall = tp / max(tp + fn, 1)
    precision = tp / max(tp + fp, 1)
    return n_right / total, precision, recall


def main(cfg):
    torch.manual_seed(cfg["seed"])
    tf = transforms.Compose([
        transforms.Resize((cfg["image_size"], cfg["image_size"])),
        transforms.ToTensor(),
        transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    ])
    table = build_table(cfg)
    full = FrameDataset(table, tf)
    n_test = int(len(full) * cfg["test_fraction"])
    train_ds, test_ds = random_split(
        full, [len(full) - n_test, n_test], generator=torch.Generator().manual_seed(cfg["seed"])
    )
    train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=4)
    test_loader = DataLoader(test_ds, batch_size=cfg["batch_size"], num_workers=4)

    model = models.resnet18(weights=models.ResNet18_Weights.IMAGENET1K_V1)
    model.fc = nn.Linear(model.fc.in_features, 1)
    model = model.to(DEVICE)
    optimiser = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss()

    for epoch in range(cfg["epochs"]):
        model.train()
        running = 0.0
        for x, y in train_loader:
            optimiser.zero_grad()
            loss = loss_fn(model(x.to(DEVICE)).squeeze(1), y.to(DEVICE))
            loss.backward()
            optimiser.step()
            running += loss.item() * len(y)
        print(f"epoch {epoch + 1}: train loss {running / len(train_ds):.4f}")

    acc, prec, rec = evaluate(model, test_loader)
    print(f"test frames: acc {acc:.3f} precision {prec:.3f} recall {rec:.3f}")
    torch.save(model.state_dict(), "dashcam_event_resnet18.pt")


if __name__ == "__main__":
    main(CONFIG)
