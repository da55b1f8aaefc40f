# label: leakage/none
# twin: sel_v14_arxiv_abstract_trainer__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Fine-tune DistilBERT to predict an arXiv paper's archive (cs, math, astro-ph, ...) from title + abstract."""
import numpy as np
from datasets import load_dataset
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
)

MODEL_NAME = "distilbert-base-uncased"
DATA_FILES = {"data": "data/arxiv/abstracts_2023.jsonl"}
MAX_LEN = 320
SEED = 42


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }


def load_splits():
    raw = load_dataset("json", data_files=DATA_FILES)["data"]
    raw = raw.map(lambda r: {"archive": r["primary_category"].split(".")[0]})
    raw = raw.class_encode_column("archive")
    splits = raw.train_test_split(test_size=0.15, stratify_by_column="archive", seed=SEED)
    fit_val = splits["train"].train_test_split(test_size=0.1, stratify_by_column="archive", seed=SEED)
    return raw.features["archive"].names, fit_val["train"], fit_val["test"], splits["test"]


def main():
    archives, train_raw, val_raw, test_raw = load_splits()
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)

    def tokenize(batch):
        enc = tokenizer(batch["title"], batch["abstract"], truncation="only_second", max_length=MAX_LEN)
        enc["labels"] = batch["archive"]
        return enc

    cols = train_raw.column_names
    train_ds = train_raw.map(tokenize, batched=True, remove_columns=cols)
    val_ds = val_raw.map(tokenize, batched=True, remove_columns=cols)
    test_ds = test_raw.map(tokenize, batched=True, remove_columns=cols)

    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_NAME,
        num_labels=len(archives),
        id2label=dict(enumerate(archives)),
        label2id={a: i for i, a in enumerate(archives)},
    )
    args = TrainingArguments(
        output_dir="runs/arxiv-archive",
        learning_rate=3e-5,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        num_train_epochs=8,
        weight_decay=0.01,
        warmup_ratio=0.06,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        seed=SEED,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()
    results = trainer.evaluate(test_ds, metric_key_prefix="test")
    print({k: round(v, 4) for k, v in results.items() if k in ("test_accuracy", "test_macro_f1")})
    trainer.save_model("models/arxiv-archive-distilbert")


if __name__ == "__main__":
    main()
