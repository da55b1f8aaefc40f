# label: leakage/target
"""Which dojo members let their annual membership lapse at renewal?

One row per member whose renewal fell due in 2022-2024.  Attendance comes from
the door tablet sign-in log.
"""
import pandas as pd
from imblearn.ensemble import BalancedRandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

GRACE_DAYS = 14


def load_members(path):
    members = pd.read_csv(path, parse_dates=["joined", "renewal_due", "renewed_on", "dob"])
    members = members[members["renewal_due"].between("2022-01-01", "2024-12-31")]
    members["lapsed"] = (
        members["renewed_on"].isna()
        | (members["renewed_on"] > members["renewal_due"] + pd.Timedelta(days=GRACE_DAYS))
    ).astype(int)
    members["age"] = (members["renewal_due"] - members["dob"]).dt.days // 365
    members["tenure_years"] = (members["renewal_due"] - members["joined"]).dt.days / 365.25
    return members


def attendance_features(signins, members):
    log = signins.merge(members[["member_id", "renewal_due"]], on="member_id", how="inner")
    log["days_before_due"] = (log["renewal_due"] - log["signed_in_at"]).dt.days

    g = log.groupby("member_id")
    feats = pd.DataFrame({
        "classes_attended": g.size(),
        "last_seen_days": g["days_before_due"].min(),
        "classes_last_60d": g["days_before_due"].apply(lambda d: (d <= 60).sum()),
        "share_sparring": g["class_type"].apply(lambda c: (c == "sparring").mean()),
        "distinct_instructors": g["instructor_id"].nunique(),
    })
    return feats


def main():
    members = load_members("dojo/memberships.csv")
    signins = pd.read_csv("dojo/door_signins.csv", parse_dates=["signed_in_at"])

    feats = attendance_features(signins, members)
    df = members.set_index("member_id").join(feats, how="left")
    df[["classes_attended", "classes_last_60d"]] = df[["classes_attended", "classes_last_60d"]].fillna(0)
    df["last_seen_days"] = df["last_seen_days"].fillna(999)
    df["share_sparring"] = df["share_sparring"].fillna(0.0)
    df["distinct_instructors"] = df["distinct_instructors"].fillna(0)
    belt_order = {"white": 0, "yellow": 1, "orange": 2, "green": 3, "blue": 4, "brown": 5, "black": 6}
    df["belt_rank"] = df["belt_at_due"].map(belt_order)
    df["is_family_plan"] = (df["plan"] == "family").astype(int)
    df["pays_monthly"] = (df["billing"] == "monthly").astype(int)

    features = ["age", "tenure_years", "belt_rank", "is_family_plan", "pays_monthly",
                "classes_attended", "last_seen_days", "classes_last_60d",
                "share_sparring", "distinct_instructors"]
    X, y = df[features].fillna(-1), df["lapsed"]
    print(f"{len(df)} renewals, lapse rate {y.mean():.1%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=14
    )
    clf = BalancedRandomForestClassifier(
        n_estimators=500, max_depth=None, min_samples_leaf=3,
        sampling_strategy="all", replacement=True, bootstrap=False,
        random_state=14, n_jobs=-1,
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    pred = clf.predict(X_test)
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"Balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
    print(classification_report(y_test, pred, target_names=["renewed", "lapsed"]))
    print(pd.Series(clf.feature_importances_, index=features).sort_values(ascending=False).round(3))


if __name__ == "__main__":
    main()
