# label: leakage/overlap
# twin: ovl_torch_names_oversample_split__fixed.py
# source: adapted from PyTorch tutorials, intermediate_source/char_rnn_classification_tutorial.py (BSD-3-Clause, (c) PyTorch contributors)
import glob
import os
import string
import unicodedata

import torch
import torch.nn as nn
from torch.utils.data import Dataset, random_split

allowed_characters = string.ascii_letters + " .,;'"
n_letters = len(allowed_characters)


def unicodeToAscii(s):
    return "".join(
        c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn" and c in allowed_characters
    )


def letterToIndex(letter):
    return allowed_characters.find(letter)


def lineToTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        tensor[li][0][letterToIndex(letter)] = 1
    return tensor


class NamesDataset(Dataset):
    def __init__(self, data_dir, min_per_language=1000):
        self.data, self.data_tensors, self.labels, self.labels_tensors = [], [], [], []
        labels_set = set()
        for filename in glob.glob(os.path.join(data_dir, "*.txt")):
            label = os.path.splitext(os.path.basename(filename))[0]
            labels_set.add(label)
            names = [unicodeToAscii(n) for n in open(filename, encoding="utf-8").read().strip().split("\n")]
            # rare languages: repeat their names until the language has min_per_language examples
            while len(names) < min_per_language:
                names = names + names
            for name in names:
                self.data.append(name)
                self.data_tensors.append(lineToTensor(name))
                self.labels.append(label)
        self.labels_uniq = sorted(labels_set)
        for label in self.labels:
            self.labels_tensors.append(torch.tensor([self.labels_uniq.index(label)], dtype=torch.long))

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        return self.labels_tensors[idx], self.data_tensors[idx], self.labels[idx], self.data[idx]


alldata = NamesDataset("data/names")
train_set, test_set = random_split(alldata, [0.85, 0.15], generator=torch.Generator().manual_seed(2024))
train_indices = list(train_set.indices)


class CharRNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.rnn = nn.RNN(input_size, hidden_size)
        self.h2o = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, line_tensor):
        rnn_out, hidden = self.rnn(line_tensor)
        return self.softmax(self.h2o(hidden[0]))


rnn = CharRNN(n_letters, 128, len(alldata.labels_uniq))
criterion = nn.NLLLoss()
optimizer = torch.optim.SGD(rnn.parameters(), lr=0.15)
for epoch in range(10):
    rnn.train()
    for k in torch.randperm(len(train_indices)).tolist():
        label_tensor, text_tensor, _, _ = alldata[train_indices[k]]
        optimizer.zero_grad()
        loss = criterion(rnn(text_tensor), label_tensor)
        loss.backward()
        nn.utils.clip_grad_norm_(rnn.parameters(), 3)
        optimizer.step()

rnn.eval()
correct = 0
with torch.no_grad():
    for label_tensor, text_tensor, _, _ in test_set:
        correct += int(rnn(text_tensor).argmax(1).item() == label_tensor.item())
print(f"test accuracy: {correct / len(test_set):.3f}")
