# label: leakage/none
# twin: ovl_v16_ballot_adjudication_upsample__leaky.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

SETTINGS = {
    "path": "data/ballot_scans.csv",
    "label": "needs_adjudication",
    "features": ["ink_coverage", "overvote_marks", "undervote_contests", "skew_deg", "stray_marks",
                 "contest_count", "write_in_present", "crease_score", "scanner_dpi"],
    "minority_factor": 8,
    "seed": 5,
}


def read_scans(settings):
    df = pd.read_csv(settings["path"])
    df = df.drop_duplicates("ballot_uuid")
    return df.dropna(subset=settings["features"] + [settings["label"]])


def upsample_minority(frame, label, factor, seed):
    majority = frame[frame[label] == 0]
    minority = frame[frame[label] == 1]
    boosted = resample(minority, replace=True, n_samples=len(minority) * factor, random_state=seed)
    return pd.concat([majority, boosted]).sample(frac=1.0, random_state=seed)


def train_forest(train, settings):
    forest = RandomForestClassifier(n_estimators=300, min_samples_leaf=3, n_jobs=-1,
                                    random_state=settings["seed"])
    return forest.fit(train[settings["features"]], train[settings["label"]])


def main(settings=SETTINGS):
    scans = read_scans(settings)
    label = settings["label"]
    print(f"{len(scans)} ballots, adjudication rate {scans[label].mean():.4f}")

    train, test = train_test_split(scans, test_size=0.25, stratify=scans[label],
                                   random_state=settings["seed"])
    train = upsample_minority(train, label, settings["minority_factor"], settings["seed"])

    forest = train_forest(train, settings)
    proba = forest.predict_proba(test[settings["features"]])[:, 1]
    print(f"test average precision: {average_precision_score(test[label], proba):.3f}")
    print(f"test F1 @0.5: {f1_score(test[label], proba >= 0.5):.3f}")
    ranking = pd.Series(forest.feature_importances_, index=settings["features"])
    print(ranking.sort_values(ascending=False).round(3))


if __name__ == "__main__":
    main()
