# label: leakage/selection
# Bike park trail survey: predict seasonal tread loss (mm) per surveyed segment
# from slope, surfacing, drainage and rider traffic. One row per segment,
# taken from the spring 2024 resurvey.
import numpy as np
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SURVEY_CSV = "surveys/segment_resurvey_2024.csv"
ALPHAS = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0]

NUMERIC = [
    "slope_tan",
    "length_m",
    "log_rider_passes",
    "winter_rain_mm",
    "canopy_cover_pct",
    "drain_count",
    "berm_count",
    "years_since_build",
]
CATEGORICAL = ["surface_type", "soil_class", "trail_grade"]

segments = (
    pl.read_csv(SURVEY_CSV, try_parse_dates=True)
    .filter(pl.col("tread_loss_mm").is_not_null())
    .with_columns(
        (pl.col("mean_slope_deg").radians().tan()).alias("slope_tan"),
        (pl.col("rider_passes") + 1).log().alias("log_rider_passes"),
        (pl.col("survey_date").dt.year() - pl.col("build_year")).alias("years_since_build"),
        pl.col("drain_count").fill_null(0),
        pl.col("berm_count").fill_null(0),
    )
    .select(NUMERIC + CATEGORICAL + ["segment_id", "tread_loss_mm"])
)
print(segments.describe())

df = segments.to_pandas()
X = df[NUMERIC + CATEGORICAL]
y = df["tread_loss_mm"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)


def make_model(alpha):
    prep = ColumnTransformer(
        [
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    return Pipeline([("prep", prep), ("ridge", Ridge(alpha=alpha))])


def rmse(a, b):
    return float(np.sqrt(mean_squared_error(a, b)))


results = {}
for alpha in ALPHAS:
    model = make_model(alpha)
    model.fit(X_train, y_train)
    results[alpha] = rmse(y_test, model.predict(X_test))
    print(f"alpha={alpha:>7}: rmse={results[alpha]:.3f}")

best_alpha = min(results, key=results.get)
final = make_model(best_alpha).fit(X_train, y_train)
pred = final.predict(X_test)

print(f"\nchosen alpha: {best_alpha}")
print(f"test RMSE: {rmse(y_test, pred):.2f} mm")
print(f"test MAE:  {mean_absolute_error(y_test, pred):.2f} mm")
print(f"test R2:   {r2_score(y_test, pred):.3f}")

names = final.named_steps["prep"].get_feature_names_out()
coef = pl.DataFrame({"term": names, "coef": final.named_steps["ridge"].coef_})
print(coef.sort("coef", descending=True))
