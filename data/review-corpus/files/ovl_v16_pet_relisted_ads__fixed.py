# label: leakage/none
# twin: ovl_v16_pet_relisted_ads__leaky.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import cohen_kappa_score
from sklearn.pipeline import make_pipeline

DATA_FILES = {"listings": "data/pet_listings.csv"}
TEXT_COL = "description"
LABEL_COL = "adoption_speed"  # 0 (same day) .. 4 (not adopted in 100 days)


def load_listings():
    ds = load_dataset("csv", data_files=DATA_FILES)["listings"]
    ds = ds.filter(lambda r: r[TEXT_COL] is not None and r[LABEL_COL] is not None)
    return ds.map(lambda r: {TEXT_COL: r[TEXT_COL].strip().lower()})


def split_listings(ds, test_size=0.2, seed=42):
    # the same animal is often re-advertised several times with a lightly edited text
    pet_ids = np.array(sorted(set(ds["pet_id"])))
    rng = np.random.default_rng(seed)
    test_ids = set(rng.choice(pet_ids, size=int(len(pet_ids) * test_size), replace=False).tolist())
    train_part = ds.filter(lambda r: r["pet_id"] not in test_ids)
    test_part = ds.filter(lambda r: r["pet_id"] in test_ids)
    return train_part, test_part


def build_model():
    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=50000, sublinear_tf=True),
        LogisticRegression(C=2.0, max_iter=3000),
    )


def main():
    ds = load_listings()
    print(f"{ds.num_rows} listings for {len(set(ds['pet_id']))} animals")
    train_ds, test_ds = split_listings(ds)

    model = build_model()
    model.fit(train_ds[TEXT_COL], train_ds[LABEL_COL])
    pred = model.predict(test_ds[TEXT_COL])
    kappa = cohen_kappa_score(test_ds[LABEL_COL], pred, weights="quadratic")
    print(f"test quadratic kappa: {kappa:.3f}")
    acc = np.mean(np.asarray(test_ds[LABEL_COL]) == pred)
    print(f"test accuracy: {acc:.3f} on {test_ds.num_rows} listings")


if __name__ == "__main__":
    main()
