# label: leakage/none
# twin: sel_r13_hf_trainer_best_model__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Fine-tune Legal-BERT to predict whether an appeal is granted from the brief's facts."""
import numpy as np
from datasets import DatasetDict, load_dataset
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    Trainer,
    TrainingArguments,
)

CHECKPOINT = "nlpaueb/legal-bert-base-uncased"

# one row per appellate case; brief_facts is filed before the decision
cases = load_dataset("csv", data_files="data/appeals.csv")["train"]
cases = cases.select_columns(["brief_facts", "granted"])
cases = cases.filter(lambda ex: ex["brief_facts"] is not None and len(ex["brief_facts"]) > 200)
cases = cases.class_encode_column("granted")
outer = cases.train_test_split(test_size=0.2, seed=13, stratify_by_column="granted")
inner = outer["train"].train_test_split(test_size=0.15, seed=13, stratify_by_column="granted")
splits = DatasetDict(train=inner["train"], valid=inner["test"], test=outer["test"])

tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)


def tokenize(batch):
    return tokenizer(batch["brief_facts"], truncation=True, max_length=512)


encoded = splits.map(tokenize, batched=True, remove_columns=["brief_facts"])
encoded = encoded.rename_column("granted", "labels")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds), "f1": f1_score(labels, preds)}


args = TrainingArguments(
    output_dir="runs/appeals",
    num_train_epochs=8,
    learning_rate=2e-5,
    per_device_train_batch_size=16,
    per_device_eval_batch_size=32,
    eval_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="f1",
    save_total_limit=2,
    seed=13,
)
model = AutoModelForSequenceClassification.from_pretrained(CHECKPOINT, num_labels=2)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=encoded["train"],
    eval_dataset=encoded["valid"],
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
)
trainer.train()
print("held-out test:", trainer.evaluate(encoded["test"], metric_key_prefix="test"))
