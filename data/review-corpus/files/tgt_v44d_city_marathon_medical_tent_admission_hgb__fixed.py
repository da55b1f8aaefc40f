# label: leakage/none
"""Which registered runners are likely to end up in a medical tent?

Used the week before race day to size the finish-line and on-course medical
teams per start wave and to target the hydration reminder email.
"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

EDITIONS = [2016, 2017, 2018, 2019, 2022, 2023, 2024]
TEST_EDITION = 2024

FEATURES = [
    "age", "female", "declared_finish_min", "previous_marathons", "best_previous_min",
    "charity_place", "overseas_entrant", "start_wave", "bmi_self_reported",
    "declared_medical_condition", "race_day_forecast_max_c", "race_day_forecast_rh",
]


class RunnerTable:
    def __init__(self, root="data/marathon"):
        self.root = root

    def edition(self, year):
        runners = pd.read_csv(f"{self.root}/{year}/starters.csv")
        chips = pd.read_csv(f"{self.root}/{year}/chip_reads.csv")
        medical = pd.read_csv(f"{self.root}/{year}/medical_log.csv")
        weather = pd.read_csv(f"{self.root}/{year}/forecast_d2.csv").iloc[0]

        last_mat = chips.groupby("bib")["mat_km"].max().rename("last_timing_mat_km")
        runners = runners.merge(last_mat, left_on="bib", right_index=True, how="left")
        runners["last_timing_mat_km"] = runners["last_timing_mat_km"].fillna(0.0)

        admitted = set(medical.loc[medical["seen_in_tent"] == 1, "bib"])
        runners["tent_admission"] = runners["bib"].isin(admitted).astype(int)
        runners["race_day_forecast_max_c"] = weather["max_temp_c"]
        runners["race_day_forecast_rh"] = weather["rel_humidity"]
        runners["edition"] = year
        return runners

    def all_editions(self, years):
        df = pd.concat([self.edition(y) for y in years], ignore_index=True)
        df["female"] = (df["gender"] == "F").astype(int)
        df["charity_place"] = (df["entry_route"] == "charity").astype(int)
        df["overseas_entrant"] = (df["country"] != "GBR").astype(int)
        return df


def main():
    df = RunnerTable().all_editions(EDITIONS)
    print(df.groupby("edition")["tent_admission"].agg(["size", "mean"]).round(4))

    dev = df[df["edition"] != TEST_EDITION]
    test = df[df["edition"] == TEST_EDITION]
    train, val = train_test_split(dev, test_size=0.15, stratify=dev["tent_admission"], random_state=1)

    model = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=1000,
        max_leaf_nodes=31,
        l2_regularization=1.0,
        class_weight="balanced",
        early_stopping=True,
        validation_fraction=0.1,
        n_iter_no_change=30,
        random_state=1,
    )
    model.fit(train[FEATURES], train["tent_admission"])

    p_val = model.predict_proba(val[FEATURES])[:, 1]
    print(f"val AUC {roc_auc_score(val['tent_admission'], p_val):.3f}")

    p_test = model.predict_proba(test[FEATURES])[:, 1]
    print(f"{TEST_EDITION} AUC {roc_auc_score(test['tent_admission'], p_test):.3f}")
    print(f"{TEST_EDITION} AP  {average_precision_score(test['tent_admission'], p_test):.3f}")

    by_wave = test.assign(p=p_test).groupby("start_wave")[["p", "tent_admission"]].sum().round(1)
    print("expected vs observed admissions by wave")
    print(by_wave)


if __name__ == "__main__":
    main()
