# label: leakage/target
"""Car club retention: which members will make no booking in the next quarter.

Members active at the snapshot date are scored; the retention team contacts the
highest-risk ones with a free-hour voucher.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SNAPSHOT = pd.Timestamp("2024-03-31")
HORIZON_END = SNAPSHOT + pd.Timedelta(days=90)
LOOKBACK = pd.Timedelta(days=180)

CAT_FEATURES = ["signup_plan", "home_zone", "age_band", "signup_channel"]


def load_tables():
    members = pd.read_csv("warehouse/members.csv", parse_dates=["joined_on"])
    bookings = pd.read_csv("warehouse/bookings_2022_2024q2.csv",
                           parse_dates=["start_at", "end_at"])
    bookings = bookings[bookings["status"] == "completed"]
    return members, bookings


def activity_features(bookings):
    recent = bookings[bookings["start_at"] > SNAPSHOT - LOOKBACK]
    recent = recent.assign(
        hours=(recent["end_at"] - recent["start_at"]).dt.total_seconds() / 3600,
        weekend=recent["start_at"].dt.dayofweek >= 5,
        van=recent["vehicle_class"].eq("van"),
    )
    agg = recent.groupby("member_id").agg(
        trips_180d=("booking_id", "count"),
        hours_180d=("hours", "sum"),
        km_180d=("distance_km", "sum"),
        weekend_share=("weekend", "mean"),
        van_share=("van", "mean"),
        distinct_cars=("vehicle_id", "nunique"),
        last_trip=("start_at", "max"),
    )
    agg["days_since_last_trip"] = (SNAPSHOT - agg["last_trip"]).dt.days
    return agg.drop(columns="last_trip")


def build_frame(members, bookings):
    active = members[(members["joined_on"] <= SNAPSHOT)
                     & (members["closed_on"].isna() | (pd.to_datetime(members["closed_on"]) > SNAPSHOT))]
    frame = active.set_index("member_id")[CAT_FEATURES + ["joined_on"]]
    frame["tenure_days"] = (SNAPSHOT - frame.pop("joined_on")).dt.days

    frame = frame.join(activity_features(bookings), how="left")
    frame[["trips_180d", "hours_180d", "km_180d", "distinct_cars"]] = (
        frame[["trips_180d", "hours_180d", "km_180d", "distinct_cars"]].fillna(0))
    frame["days_since_last_trip"] = frame["days_since_last_trip"].fillna(999)

    next_quarter = bookings[(bookings["start_at"] > SNAPSHOT) & (bookings["start_at"] <= HORIZON_END)]
    frame["lapsed"] = (~frame.index.isin(next_quarter["member_id"].unique())).astype(int)
    return frame


def main():
    members, bookings = load_tables()
    frame = build_frame(members, bookings)
    print(f"{len(frame)} active members, lapse rate {frame['lapsed'].mean():.2%}")

    X = frame.drop(columns="lapsed")
    y = frame["lapsed"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25,
                                                        stratify=y, random_state=17)

    model = CatBoostClassifier(iterations=800, learning_rate=0.04, depth=6,
                               l2_leaf_reg=5, eval_metric="AUC", verbose=200,
                               random_seed=17)
    model.fit(Pool(X_train, y_train, cat_features=CAT_FEATURES))

    proba = model.predict_proba(Pool(X_test, cat_features=CAT_FEATURES))[:, 1]
    print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"test PR AUC:  {average_precision_score(y_test, proba):.3f}")

    top = pd.Series(proba, index=y_test.index).nlargest(int(0.1 * len(y_test)))
    print(f"lapse rate in top 10% risk: {y_test.loc[top.index].mean():.2%}")
    print(model.get_feature_importance(prettified=True).head(10))


if __name__ == "__main__":
    main()
