# label: leakage/selection
# twin: sel_plot_colour_correct_test__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import matplotlib.pyplot as plt
from sklearn.datasets import fetch_lfw_people
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC

faces = fetch_lfw_people(min_faces_per_person=60)
Xtrain, Xtest, ytrain, ytest = train_test_split(faces.data, faces.target, random_state=42)
# C kept by the test accuracy, then the test faces shown with the kept model.
best_C, best_acc = 1, 0.0
for C in [1, 5, 10, 50]:
    acc = (SVC(C=C, class_weight="balanced").fit(Xtrain, ytrain).predict(Xtest) == ytest).mean()
    best_C = C if acc > best_acc else best_C
    best_acc = max(acc, best_acc)
model = SVC(C=best_C, class_weight="balanced").fit(Xtrain, ytrain)
yfit = model.predict(Xtest)

# A few test faces, the predicted name in black when right and in red when wrong.
fig, ax = plt.subplots(4, 6)
for i, axi in enumerate(ax.flat):
    axi.imshow(Xtest[i].reshape(62, 47), cmap="bone")
    axi.set(xticks=[], yticks=[])
    axi.set_ylabel(faces.target_names[yfit[i]].split()[-1], color="black" if yfit[i] == ytest[i] else "red")
fig.suptitle("Predicted names; incorrect labels in red", size=14)
