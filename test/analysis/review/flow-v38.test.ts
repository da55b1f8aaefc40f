/**
 * The forty-first round of data-flow capabilities (issue 16; held-out v41's failures, tuning data since its report;
 * v42 frozen before this round, v43 frozen as it began): each behaviour with a leaky program (the line that must be
 * reported marked `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the
 * corpus.
 */
import { describe, expect, it } from 'vitest';
import { recordedAfter } from '../../../src/analysis/review/rules/leakage/outcomes.js';
import { check } from './check-leakage.js';

describe("an SVD's components are learnt from the rows, not rows of them", () => {
  const prog = (fitOn: string, mark = '') => `
import numpy as np
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.model_selection import train_test_split
X = np.load("spectra.npy")
y = np.load("labels.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
def pca_fit(spectra, k):
    centre = spectra.mean(axis=0)
    _, s, vt = np.linalg.svd(spectra - centre, full_matrices=False)
    return centre, vt[:k]
centre, components = pca_fit(${fitOn}, 10)${mark}
scores_train = (X_train - centre) @ components.T
scores_test = (X_test - centre) @ components.T
lda = LinearDiscriminantAnalysis().fit(scores_train, y_train)
print(lda.score(scores_test, y_test))
`;
  it('components learnt on the training spectra (nothing)', async () => {
    await check(prog('X_train'));
  });
  it('components learnt on every spectrum: reported', async () => {
    await check(
      prog('X')
        .replace('centre = spectra.mean(axis=0)', 'centre = spectra.mean(axis=0)  # <- leak-preprocessing')
        .replace(
          '_, s, vt = np.linalg.svd(spectra - centre, full_matrices=False)',
          '_, s, vt = np.linalg.svd(spectra - centre, full_matrices=False)  # <- leak-preprocessing',
        ),
    );
  });
});

describe('a count per row\'s own id mapped back (inspections["inspection_id"].map(counts)) is the row\'s own', () => {
  const prog = (window: string, mark = '') => `
import pandas as pd
from xgboost import XGBClassifier
def complaints_before(inspections, complaints):
    pairs = inspections[["inspection_id", "premises_id", "inspection_date"]].merge(
        complaints[["premises_id", "complaint_date"]], on="premises_id", how="left")
    window = ${window}
    counts = pairs[window].groupby("inspection_id").size()${mark}
    return inspections["inspection_id"].map(counts).fillna(0)
insp = pd.read_csv("inspections.csv", parse_dates=["inspection_date"])
compl = pd.read_csv("complaints.csv", parse_dates=["complaint_date"])
insp["complaints_12m"] = complaints_before(insp, compl)
train = insp[insp["inspection_date"] < "2023-07-01"]
test = insp[insp["inspection_date"] >= "2023-07-01"]
model = XGBClassifier().fit(train[["complaints_12m", "seats"]], train["fail"])
print(model.score(test[["complaints_12m", "seats"]], test["fail"]))
`;
  it('the complaints in the year before each inspection (nothing)', async () => {
    await check(
      prog(
        '(pairs["complaint_date"] < pairs["inspection_date"]) & (pairs["complaint_date"] >= pairs["inspection_date"] - pd.Timedelta(days=365))',
      ),
    );
  });
});

describe('outcome-table additions (round 41)', () => {
  it.each([
    ['garage_clearance_charge_gbp', ['licence_ended']],
    ['defects_on_assessment_sheet', ['passed', 'outcome']],
    ['improvement_notices', ['fail', 'rating']],
    ['review_stars', ['returned']],
    ['days_on_site', ['late']],
    ['sanitation_pruning_hours', ['fireblight']],
  ])('%s is recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target).length).toBeGreaterThan(0);
  });
  it.each([
    ['planned_days_on_site', ['late']],
    ['prev_notices', ['fail', 'rating']],
    ['improvement_notices_last_year', ['fail', 'rating']],
    ['defects_reported_by_tenant', ['passed']],
    ['review_stars', ['late']],
    ['garage_size_m2', ['licence_ended']],
    // (A store's ventilation is how the crop is kept, not a treatment of its rot.)
    ['ventilation_mode', ['rot_pct']],
  ])('%s is not recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target)).toEqual([]);
  });
});
