# label: leakage/none
# twin: pre_household_energy__leaky.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import polars as pl
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score

NUMERIC = [
    "floor_area_m2", "n_occupants", "year_built", "insulation_score",
    "window_u_value", "heating_degree_days", "n_appliances", "ev_charger_kw",
]
FLAGS = ["is_heat_pump", "is_gas_boiler", "has_solar_pv"]

survey = pl.read_csv("energy/household_survey_2023.csv", null_values=["", "NA"])
survey = survey.filter(pl.col("annual_kwh") > 0).with_columns(
    (pl.col("heating_system") == "heat_pump").cast(pl.Int8).alias("is_heat_pump"),
    (pl.col("heating_system") == "gas_boiler").cast(pl.Int8).alias("is_gas_boiler"),
    pl.col("has_solar_pv").fill_null(False).cast(pl.Int8),
)
survey = survey.sample(fraction=1.0, shuffle=True, seed=4)
n_test = survey.height // 5
test = survey.head(n_test)
train = survey.tail(survey.height - n_test)

medians = train.select([pl.col(c).median() for c in NUMERIC]).row(0, named=True)
train = train.with_columns([pl.col(c).fill_null(medians[c]) for c in NUMERIC])
test = test.with_columns([pl.col(c).fill_null(medians[c]) for c in NUMERIC])


def to_xy(frame):
    X = frame.select(NUMERIC + FLAGS).to_numpy()
    y = frame.get_column("annual_kwh").log().to_numpy()
    return X, y


X_train, y_train = to_xy(train)
X_test, y_test = to_xy(test)

model = make_pipeline(StandardScaler(), RidgeCV(alphas=[0.1, 1.0, 10.0, 100.0]))
model.fit(X_train, y_train)
pred = model.predict(X_test)
print(f"R2 (log kWh): {r2_score(y_test, pred):.3f}")
print(f"MAE (log kWh): {mean_absolute_error(y_test, pred):.3f}")
print(dict(zip(NUMERIC + FLAGS, model[-1].coef_.round(3))))
