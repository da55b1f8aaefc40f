# label: leakage/preprocessing
"""Tow-or-repair triage from the first call transcript (speech-to-text output,
taken before a patrol is dispatched). Label `towed` comes from the job record."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

torch.manual_seed(13)
MAX_TOKENS = 256

calls = pd.read_json("dispatch/call_transcripts_2024.jsonl", lines=True)
calls = calls.dropna(subset=["transcript", "towed"])
calls["transcript"] = calls["transcript"].str.replace(r"\[(inaudible|crosstalk)\]", " ", regex=True)

tok = Tokenizer(models.BPE(unk_token="[UNK]"))
tok.normalizer = normalizers.Sequence([normalizers.NFD(), normalizers.Lowercase(), normalizers.StripAccents()])
tok.pre_tokenizer = pre_tokenizers.Whitespace()
bpe_trainer = trainers.BpeTrainer(vocab_size=6000, min_frequency=3, special_tokens=["[PAD]", "[UNK]"])
tok.train_from_iterator(calls["transcript"].tolist(), trainer=bpe_trainer)
tok.save("artifacts/call_bpe.json")

train_df, test_df = train_test_split(calls, test_size=0.2, stratify=calls["towed"], random_state=13)


def encode(texts):
    return [e.ids[:MAX_TOKENS] for e in tok.encode_batch(list(texts))]


def collate(batch):
    ids, labels = zip(*batch)
    offsets = torch.tensor([0] + [len(x) for x in ids[:-1]]).cumsum(0)
    flat = torch.tensor([t for x in ids for t in x], dtype=torch.long)
    return flat, offsets, torch.tensor(labels, dtype=torch.float32)


class BagClassifier(nn.Module):
    def __init__(self, vocab_size, dim=96):
        super().__init__()
        self.bag = nn.EmbeddingBag(vocab_size, dim, mode="mean")
        self.out = nn.Sequential(nn.Dropout(0.3), nn.Linear(dim, 1))

    def forward(self, flat, offsets):
        return self.out(self.bag(flat, offsets)).squeeze(1)


train_items = list(zip(encode(train_df["transcript"]), train_df["towed"].astype(int)))
test_items = list(zip(encode(test_df["transcript"]), test_df["towed"].astype(int)))
train_items = [(ids or [1], y) for ids, y in train_items]
test_items = [(ids or [1], y) for ids, y in test_items]

train_dl = DataLoader(train_items, batch_size=64, shuffle=True, collate_fn=collate)
test_dl = DataLoader(test_items, batch_size=256, collate_fn=collate)

model = BagClassifier(tok.get_vocab_size())
pos_weight = torch.tensor((1 - train_df["towed"].mean()) / train_df["towed"].mean())
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(model.parameters(), lr=3e-3)

for epoch in range(8):
    model.train()
    total = 0.0
    for flat, offsets, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(flat, offsets), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(yb)
    print(f"epoch {epoch + 1}  train loss {total / len(train_items):.4f}")

model.eval()
probs, ys = [], []
with torch.no_grad():
    for flat, offsets, yb in test_dl:
        probs.append(torch.sigmoid(model(flat, offsets)).numpy())
        ys.append(yb.numpy())
p, y_true = np.concatenate(probs), np.concatenate(ys)

print(f"ROC AUC  {roc_auc_score(y_true, p):.3f}")
print(f"F1 @0.5  {f1_score(y_true, p >= 0.5):.3f}")
torch.save(model.state_dict(), "artifacts/tow_bag_classifier.pt")
