# label: leakage/none
# twin: pre_helper_scale_fn__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import numpy as np
from sklearn.neighbors import KNeighborsClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def scale(train_part, test_part):
    scaler = StandardScaler().fit(train_part)
    return scaler.transform(train_part), scaler.transform(test_part)


data = np.genfromtxt("seeds.tsv", delimiter="\t")
features, kinds = data[:, :-1], data[:, -1]
f_train, f_test, k_train, k_test = train_test_split(features, kinds, test_size=0.3, random_state=9)
f_train, f_test = scale(f_train, f_test)
knn = KNeighborsClassifier(n_neighbors=7).fit(f_train, k_train)
print(accuracy_score(k_test, knn.predict(f_test)))
