# label: leakage/preprocessing
# twin: pre_rankgauss_concrete_mlp__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import QuantileTransformer

MIX_COLUMNS = ["cement", "slag", "fly_ash", "water", "superplasticizer", "coarse_agg", "fine_agg", "age_days"]

concrete = pd.read_csv("data/concrete_mixes.csv").rename(columns=str.lower)
X = concrete[MIX_COLUMNS].to_numpy()
y = concrete["compressive_strength_mpa"].to_numpy()

rankgauss = QuantileTransformer(n_quantiles=500, output_distribution="normal", random_state=0)
X_gauss = rankgauss.fit_transform(X)

X_train, X_test, y_train, y_test = train_test_split(X_gauss, y, test_size=0.2, random_state=0)

mlp = MLPRegressor(
    hidden_layer_sizes=(128, 64),
    alpha=1e-3,
    learning_rate_init=3e-3,
    max_iter=2000,
    early_stopping=True,
    validation_fraction=0.15,
    random_state=0,
)
mlp.fit(X_train, y_train)
pred = mlp.predict(X_test)
print(f"MAE {mean_absolute_error(y_test, pred):.2f} MPa, R2 {r2_score(y_test, pred):.3f}")
