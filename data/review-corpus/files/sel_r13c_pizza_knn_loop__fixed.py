# label: leakage/none
# twin: sel_r13c_pizza_knn_loop__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import accuracy_score, classification_report

# columns: order_id, distance_km, n_items, hour, rain_mm, driver_experience_months,
#          oven_queue, delivery_minutes
df = pd.read_csv("pizza_deliveries.csv")
df["late"] = (df["delivery_minutes"] > 40).astype(int)

X = df.drop(columns=["order_id", "delivery_minutes", "late"])
X = X.select_dtypes("number")
y = df["late"]
print(y.value_counts(normalize=True))

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=7)

scores = []
for k in range(1, 30):
    knn = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=k))
    scores.append(cross_val_score(knn, X_train, y_train, cv=5, scoring="accuracy").mean())

plt.plot(range(1, 30), scores, marker="o")
plt.xlabel("k (neighbours)")
plt.ylabel("5-fold CV accuracy (training set)")
plt.title("Late pizza: accuracy vs k")
plt.savefig("knn_k.png")

best_k = list(range(1, 30))[scores.index(max(scores))]
print("best k:", best_k)

final = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=best_k))
final.fit(X_train, y_train)
pred = final.predict(X_test)
print("test accuracy:", accuracy_score(y_test, pred))
print(classification_report(y_test, pred))
