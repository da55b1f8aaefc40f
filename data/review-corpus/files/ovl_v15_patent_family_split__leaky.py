# label: leakage/overlap
# twin: ovl_v15_patent_family_split__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Fine-tune a small transformer to assign CPC sections to patent abstracts from two offices."""
import numpy as np
import pandas as pd
from datasets import Dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, Trainer, TrainingArguments)

CHECKPOINT = "distilbert-base-uncased"
SOURCES = {
    "uspto": "data/patents/uspto_abstracts.parquet",
    "epo": "data/patents/epo_abstracts.parquet",
}
SECTIONS = list("ABCDEFGH")


def load_corpus():
    frames = []
    for office, path in SOURCES.items():
        cols = ["publication_no", "family_id", "abstract", "cpc_section"]
        frames.append(pd.read_parquet(path, columns=cols).assign(office=office))
    # members of one patent family (filed at both offices, continuations) share near-identical abstracts
    corpus = pd.concat(frames, ignore_index=True)
    corpus["label"] = corpus["cpc_section"].map({s: i for i, s in enumerate(SECTIONS)})
    return corpus.dropna(subset=["abstract", "label"]).astype({"label": int}).reset_index(drop=True)


def make_splits(corpus):
    ds = Dataset.from_pandas(corpus, preserve_index=False)
    return ds.train_test_split(test_size=0.15, seed=13)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    return {"accuracy": float((np.argmax(logits, axis=-1) == labels).mean())}


def main():
    corpus = load_corpus()
    splits = make_splits(corpus)
    tok = AutoTokenizer.from_pretrained(CHECKPOINT)
    encoded = splits.map(lambda b: tok(b["abstract"], truncation=True, max_length=256), batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(CHECKPOINT, num_labels=len(SECTIONS))
    args = TrainingArguments(
        output_dir="runs/cpc_distilbert",
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        learning_rate=3e-5,
        num_train_epochs=2,
        weight_decay=0.01,
        logging_steps=200,
        report_to=[],
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["test"],
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
    )
    trainer.train()
    metrics = trainer.evaluate()
    print(f"test accuracy: {metrics['eval_accuracy']:.4f} on {len(encoded['test'])} abstracts")
    trainer.save_model("models/cpc_distilbert")


if __name__ == "__main__":
    main()
