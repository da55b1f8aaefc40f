# label: leakage/none
# twin: sel_plot_colour_correct_test__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import matplotlib.pyplot as plt
from sklearn.datasets import fetch_lfw_people
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.svm import SVC

faces = fetch_lfw_people(min_faces_per_person=60)
Xtrain, Xtest, ytrain, ytest = train_test_split(faces.data, faces.target, random_state=42)
grid = GridSearchCV(SVC(class_weight="balanced"), {"C": [1, 5, 10, 50]})
grid.fit(Xtrain, ytrain)
model = grid.best_estimator_
yfit = model.predict(Xtest)

# A few test faces, the predicted name in black when right and in red when wrong.
fig, ax = plt.subplots(4, 6)
for i, axi in enumerate(ax.flat):
    axi.imshow(Xtest[i].reshape(62, 47), cmap="bone")
    axi.set(xticks=[], yticks=[])
    axi.set_ylabel(faces.target_names[yfit[i]].split()[-1], color="black" if yfit[i] == ytest[i] else "red")
fig.suptitle("Predicted names; incorrect labels in red", size=14)
