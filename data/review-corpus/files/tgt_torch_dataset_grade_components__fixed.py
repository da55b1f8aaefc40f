# label: leakage/none
# twin: tgt_torch_dataset_grade_components__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split

# known by week 6 of the term, before the final exam that the course grade is mostly made of
COLS = ["study_hours_week", "attendance_rate", "prior_gpa", "assignments_submitted", "quiz_avg"]


class StudentDataset(Dataset):
    """Predict whether a student passes the course (course_grade >= 50)."""

    def __init__(self, path):
        df = pd.read_csv(path)
        self.x = torch.tensor(df[COLS].to_numpy(), dtype=torch.float32)
        self.y = torch.tensor((df["course_grade"] >= 50).to_numpy(), dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


torch.manual_seed(0)
ds = StudentDataset("students_fall.csv")
n_test = len(ds) // 5
train_ds, test_ds = random_split(ds, [len(ds) - n_test, n_test], generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.BatchNorm1d(len(COLS)), nn.Linear(len(COLS), 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.BCEWithLogitsLoss()
for epoch in range(30):
    model.train()
    for xb, yb in DataLoader(train_ds, batch_size=64, shuffle=True):
        opt.zero_grad()
        loss_fn(model(xb).squeeze(1), yb).backward()
        opt.step()

model.eval()
with torch.no_grad():
    xs, ys = next(iter(DataLoader(test_ds, batch_size=len(test_ds))))
    acc = ((model(xs).squeeze(1) > 0).float() == ys).float().mean().item()
print("test accuracy", acc)
