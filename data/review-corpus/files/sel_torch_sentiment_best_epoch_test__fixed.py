# label: leakage/none
# twin: sel_torch_sentiment_best_epoch_test__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import copy
import torch
from torch import nn
from torch.utils.data import DataLoader, random_split

from reviews_data import ReviewDataset, collate_batch

torch.manual_seed(0)
VOCAB_SIZE = 30522  # ids from the pretrained bert-base-uncased wordpiece tokenizer
dataset = ReviewDataset("reviews_wordpiece_ids.pt")
n_test = int(0.2 * len(dataset))
n_val = int(0.1 * len(dataset))
train_ds, val_ds, test_ds = random_split(dataset, [len(dataset) - n_test - n_val, n_val, n_test],
                                         generator=torch.Generator().manual_seed(0))
train_dl = DataLoader(train_ds, batch_size=64, shuffle=True, collate_fn=collate_batch)
val_dl = DataLoader(val_ds, batch_size=256, collate_fn=collate_batch)
test_dl = DataLoader(test_ds, batch_size=256, collate_fn=collate_batch)


class BagClassifier(nn.Module):
    def __init__(self, vocab_size, dim=128):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab_size, dim)
        self.out = nn.Linear(dim, 2)

    def forward(self, tokens, offsets):
        return self.out(self.emb(tokens, offsets))


def accuracy(model, loader):
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for tokens, offsets, labels in loader:
            correct += (model(tokens, offsets).argmax(1) == labels).sum().item()
            total += labels.numel()
    return correct / total


model = BagClassifier(VOCAB_SIZE)
opt = torch.optim.SGD(model.parameters(), lr=4.0)
loss_fn = nn.CrossEntropyLoss()
best_acc, best_state = 0.0, None
for epoch in range(15):
    model.train()
    for tokens, offsets, labels in train_dl:
        opt.zero_grad()
        loss_fn(model(tokens, offsets), labels).backward()
        opt.step()
    acc = accuracy(model, val_dl)
    if acc > best_acc:
        best_acc, best_state = acc, copy.deepcopy(model.state_dict())
    print(f"epoch {epoch}: val acc {acc:.3f}")

model.load_state_dict(best_state)
print("final test accuracy", accuracy(model, test_dl))
