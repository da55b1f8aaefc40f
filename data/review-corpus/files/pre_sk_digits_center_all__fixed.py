# label: leakage/none
# twin: pre_sk_digits_center_all__leaky.py
# source: adapted from scikit-learn examples/miscellaneous/plot_kernel_approximation.py (BSD-3-Clause, (c) the scikit-learn developers)
from time import time

import numpy as np
from sklearn import datasets, pipeline, svm
from sklearn.kernel_approximation import Nystroem, RBFSampler

# The digits dataset
digits = datasets.load_digits(n_class=9)

# %%
# To apply a classifier on this data, we need to flatten the image, to
# turn the data in a (samples, feature) matrix:
n_samples = len(digits.data)
data = digits.data / 16.0

# We learn the digits on the first half of the digits
data_train, targets_train = (data[: n_samples // 2], digits.target[: n_samples // 2])

# Now predict the value of the digit on the second half:
data_test, targets_test = (data[n_samples // 2 :], digits.target[n_samples // 2 :])

# Center both halves with the mean of the training half
train_mean = data_train.mean(axis=0)
data_train = data_train - train_mean
data_test = data_test - train_mean

# %%
kernel_svm = svm.SVC(gamma=0.2, random_state=42)
linear_svm = svm.LinearSVC(dual="auto", random_state=42)
fourier_approx_svm = pipeline.Pipeline(
    [("feature_map", RBFSampler(gamma=0.2, random_state=1)), ("svm", svm.LinearSVC(dual="auto", random_state=42))]
)
nystroem_approx_svm = pipeline.Pipeline(
    [("feature_map", Nystroem(gamma=0.2, random_state=1)), ("svm", svm.LinearSVC(dual="auto", random_state=42))]
)

kernel_svm_time = time()
kernel_svm.fit(data_train, targets_train)
kernel_svm_score = kernel_svm.score(data_test, targets_test)
kernel_svm_time = time() - kernel_svm_time

linear_svm.fit(data_train, targets_train)
linear_svm_score = linear_svm.score(data_test, targets_test)

fourier_approx_svm.set_params(feature_map__n_components=100)
nystroem_approx_svm.set_params(feature_map__n_components=100)
fourier_approx_svm.fit(data_train, targets_train)
nystroem_approx_svm.fit(data_train, targets_train)
print(f"rbf svm {kernel_svm_score:.3f} ({kernel_svm_time:.2f} s), linear svm {linear_svm_score:.3f}")
print(f"fourier 100: {fourier_approx_svm.score(data_test, targets_test):.3f}")
print(f"nystroem 100: {nystroem_approx_svm.score(data_test, targets_test):.3f}")
