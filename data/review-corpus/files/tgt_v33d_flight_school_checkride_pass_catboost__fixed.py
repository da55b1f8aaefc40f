# label: leakage/none
"""First-attempt PPL skill test outcome for students at the flying school.

Used by the chief instructor to decide who gets a mock test with a senior
instructor before being put forward to the examiner.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import log_loss, roc_auc_score

CAT_FEATURES = ["aircraft_type", "base_airfield", "primary_instructor", "examiner_id", "funding"]


class CheckrideModel:
    def __init__(self, data_dir="data"):
        self.data_dir = data_dir
        self.model = CatBoostClassifier(
            iterations=800,
            learning_rate=0.03,
            depth=5,
            l2_leaf_reg=5,
            loss_function="Logloss",
            random_seed=17,
            verbose=200,
        )

    def load(self):
        tests = pd.read_csv(f"{self.data_dir}/skill_tests_first_attempt.csv", parse_dates=["checkride_date"])
        flights = pd.read_csv(f"{self.data_dir}/training_flights.csv", parse_dates=["flight_date"])
        return tests, flights

    @staticmethod
    def logbook_features(tests, flights):
        f = flights.merge(tests[["student_id", "checkride_date"]], on="student_id", how="inner")
        f = f[f["flight_date"] < f["checkride_date"]]
        agg = f.groupby("student_id").agg(
            dual_h=("dual_h", "sum"),
            solo_h=("solo_h", "sum"),
            xc_solo_h=("xc_solo_h", "sum"),
            sim_h=("sim_h", "sum"),
            landings=("landings", "sum"),
            n_flights=("flight_date", "count"),
            n_instructors=("instructor_id", "nunique"),
            first_flight=("flight_date", "min"),
            last_flight=("flight_date", "max"),
            checkride_date=("checkride_date", "first"),
        )
        agg["training_weeks"] = (agg["last_flight"] - agg["first_flight"]).dt.days / 7 + 1
        agg["flights_per_week"] = agg["n_flights"] / agg["training_weeks"]
        agg["days_since_last_flight"] = (agg["checkride_date"] - agg["last_flight"]).dt.days
        agg["total_h"] = agg["dual_h"] + agg["solo_h"]
        return agg.drop(columns=["first_flight", "last_flight", "checkride_date"]).reset_index()

    def build(self):
        tests, flights = self.load()
        df = tests.merge(self.logbook_features(tests, flights), on="student_id", how="left")
        df["age_at_test"] = (df["checkride_date"] - pd.to_datetime(df["date_of_birth"])).dt.days / 365.25
        df["theory_mean"] = df[[c for c in df.columns if c.startswith("theory_")]].mean(axis=1)
        df["funding"] = df["funding"].fillna("self")
        return df.sort_values("checkride_date").reset_index(drop=True)

    def features(self, df):
        numeric = [
            "dual_h", "solo_h", "xc_solo_h", "sim_h", "landings", "n_flights", "n_instructors",
            "training_weeks", "flights_per_week", "days_since_last_flight", "total_h",
            "age_at_test", "theory_mean", "medical_class", "prior_glider_hours",
        ]
        return df[numeric + CAT_FEATURES]

    def run(self):
        df = self.build()
        cut = int(len(df) * 0.8)
        train, test = df.iloc[:cut], df.iloc[cut:]
        print(f"train {len(train)} tests up to {train['checkride_date'].max():%Y-%m-%d}, test {len(test)}")

        train_pool = Pool(self.features(train), train["passed"], cat_features=CAT_FEATURES)
        test_pool = Pool(self.features(test), test["passed"], cat_features=CAT_FEATURES)
        self.model.fit(train_pool)

        p = self.model.predict_proba(test_pool)[:, 1]
        print(f"first-attempt pass rate in test: {test['passed'].mean():.2%}")
        print(f"AUC {roc_auc_score(test['passed'], p):.3f}  logloss {log_loss(test['passed'], p):.3f}")
        at_risk = p < 0.6
        print(f"flagged for mock test: {at_risk.sum()} students, of whom {(1 - test['passed'][at_risk]).mean():.1%} failed")

        imp = self.model.get_feature_importance(prettified=True)
        print(imp.head(10).to_string(index=False))
        return self


if __name__ == "__main__":
    CheckrideModel().run()
