# label: leakage/none
# twin: ovl_app_reviews__leaky.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import numpy as np
import evaluate
from datasets import load_dataset, concatenate_datasets
from transformers import (
    AutoTokenizer,
    AutoModelForSequenceClassification,
    TrainingArguments,
    Trainer,
)

CHECKPOINT = "distilbert-base-uncased"

reviews = load_dataset("csv", data_files="exports/app_store_reviews.csv")["train"]
reviews = reviews.filter(lambda r: r["text"] is not None and len(r["text"]) > 10)
reviews = reviews.map(lambda r: {"label": int(r["is_bug_report"])})

splits = reviews.train_test_split(test_size=0.2, seed=0)
bug_reports = splits["train"].filter(lambda r: r["label"] == 1)
splits["train"] = concatenate_datasets([splits["train"]] + [bug_reports] * 4).shuffle(seed=0)

tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=192)


encoded = splits.map(tokenize, batched=True)
model = AutoModelForSequenceClassification.from_pretrained(CHECKPOINT, num_labels=2)
f1_metric = evaluate.load("f1")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    return f1_metric.compute(predictions=np.argmax(logits, axis=-1), references=labels)


args = TrainingArguments(
    output_dir="runs/bug-report-clf",
    num_train_epochs=3,
    per_device_train_batch_size=32,
    learning_rate=3e-5,
    weight_decay=0.01,
    report_to="none",
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=encoded["train"],
    eval_dataset=encoded["test"],
    tokenizer=tokenizer,
    compute_metrics=compute_metrics,
)
trainer.train()
print(trainer.evaluate())
