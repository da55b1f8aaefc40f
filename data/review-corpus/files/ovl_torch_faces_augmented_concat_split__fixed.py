# label: leakage/none
# twin: ovl_torch_faces_augmented_concat_split__leaky.py
# source: adapted from PyTorch tutorials beginner_source/data_loading_tutorial.py (BSD-3-Clause, (c) PyTorch contributors)
import os

import pandas as pd
import torch
from skimage import io
from torch.utils.data import ConcatDataset, DataLoader, Dataset, Subset
from torchvision import transforms


class FaceLandmarksDataset(Dataset):
    def __init__(self, csv_file, root_dir, transform=None):
        self.landmarks_frame = pd.read_csv(csv_file)
        self.root_dir = root_dir
        self.transform = transform

    def __len__(self):
        return len(self.landmarks_frame)

    def __getitem__(self, idx):
        img_name = os.path.join(self.root_dir, self.landmarks_frame.iloc[idx, 0])
        image = io.imread(img_name)
        landmarks = torch.tensor(self.landmarks_frame.iloc[idx, 1:].to_numpy(dtype="float32")).view(-1, 2)
        if self.transform:
            image = self.transform(image)
        return image, landmarks


torch.manual_seed(0)
plain = transforms.Compose([transforms.ToPILImage(), transforms.Resize((224, 224)), transforms.ToTensor()])
jitter = transforms.Compose([transforms.ToPILImage(), transforms.Resize((224, 224)),
                             transforms.ColorJitter(0.4, 0.4, 0.4), transforms.ToTensor()])

original = FaceLandmarksDataset("data/faces/face_landmarks.csv", "data/faces/", transform=plain)
jittered = FaceLandmarksDataset("data/faces/face_landmarks.csv", "data/faces/", transform=jitter)

# split the faces first; the jittered copies are added to the training faces only
perm = torch.randperm(len(original), generator=torch.Generator().manual_seed(0)).tolist()
n_val = int(0.2 * len(original))
val_idx, train_idx = perm[:n_val], perm[n_val:]
train_set = ConcatDataset([Subset(original, train_idx), Subset(jittered, train_idx)])
val_set = Subset(original, val_idx)
train_loader = DataLoader(train_set, batch_size=16, shuffle=True, num_workers=2)
val_loader = DataLoader(val_set, batch_size=16, num_workers=2)
