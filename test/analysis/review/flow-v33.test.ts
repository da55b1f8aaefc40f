/**
 * The thirty-sixth round of data-flow capabilities (issue 16; held-out v36's failures, tuning data since its report;
 * v37 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { recordedAfter } from '../../../src/analysis/review/rules/leakage/outcomes.js';
import { check } from './check-leakage.js';

describe("a column's indicators added to the features are those columns, not every column of the frame", () => {
  const prog = (features: string, extra = '', mark = '', how = 'prefix="arena", dtype=float') => `
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("readings.csv", parse_dates=["time"])
features = ${features}
df = df[features + ["firmness_g", "arena", "time"]].dropna(subset=["firmness_g"])
${extra}dummies = pd.get_dummies(df["arena"], ${how})
df = pd.concat([df, dummies], axis=1)
features += list(dummies.columns)
train = df[df["time"] <= "2023-12-31"]
test = df[df["time"] > "2023-12-31"]
model = Ridge().fit(train[features], train["firmness_g"])${mark}
print(model.score(test[features], test["firmness_g"]))
`;
  it('two readings and the arena indicators (nothing)', async () => {
    await check(prog('["depth", "moisture"]'));
  });
  it('indicators without a prefix (nothing)', async () => {
    await check(prog('["depth", "moisture"]', '', '', 'dtype=float'));
  });
  it('the target among the named features: reported', async () => {
    await check(prog('["depth", "firmness_g"]', '', '  # <- leak-target'));
  });
  it('a column computed from the target among them: reported', async () => {
    await check(
      prog(
        '["depth", "moisture"]',
        'df["firm_kg"] = df["firmness_g"] / 1000\nfeatures = features + ["firm_kg"]\n',
        '  # <- leak-target',
      ),
    );
  });
});

describe("a frame's row labels made a series are one value per row of that frame", () => {
  const prog = (ids: string, x = 'profile.join(agg, how="inner")', mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
members = pd.read_csv("members.csv")
visits = pd.read_csv("visits.csv", parse_dates=["visit_date"])
past = visits[visits["visit_date"] <= "2024-03-31"]
agg = past.groupby("member_id").agg(n_visits=("visit_id", "count"), spend=("amount", "sum"))
profile = members.set_index("member_id")[["age", "plan_price"]]
X = ${x}
later = visits[visits["visit_date"] > "2024-03-31"]
ids = ${ids}
y = (~ids.isin(later["member_id"].unique())).astype(int)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)${mark}
model = RandomForestClassifier().fit(X_train, y_train)
print(model.score(X_test, y_test))
`;
  it('X.index.to_series() of one row per member (nothing)', async () => {
    await check(prog('X.index.to_series()'));
  });
  it('pd.Series(X.index, index=X.index), the same (nothing)', async () => {
    await check(prog('pd.Series(X.index, index=X.index)'));
  });
  it('one row per visit, members on both sides of the split: reported', async () => {
    await check(
      prog('X.index.to_series()', 'past.set_index("member_id")[["amount"]]', '  # <- leak-overlap'),
    );
  });
});

describe('what follows a decision, a grading and a retirement from a race', () => {
  it.each([
    // An appeal is lodged against a refusal (a planning application, a permit, a benefit claim).
    ['appeal_lodged', ['refused', 'decision']],
    ['appealed', ['claim_denied']],
    ['ombudsman_complaint', ['approved']],
    // A lot graded on the auction floor sells at its grade's price.
    ['auction_price_per_kg', ['grade_idx', 'grade_band']],
    ['hammer_price', ['grade']],
    // Checkpoints are logged during the race a runner retires from (RET).
    ['checkpoints_logged', ['retired', 'result_status']],
  ])('%s is recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target).length).toBeGreaterThan(0);
  });
  it.each([
    // The appeal's own decision is predicted: the appeal is its input.
    ['days_issue_to_appeal', ['upheld', 'appeal_decision']],
    ['appeal_grounds_count', ['granted', 'appeal_outcome']],
    // Looks, not an appeal.
    ['appeal_grounds', ['upheld', 'decision']],
    ['curb_appeal_score', ['approved']],
    ['visual_appeal', ['rejected']],
    // A price is no auction's price; a retired machine is no race.
    ['list_price', ['grade']],
    ['service_hours', ['retired']],
  ])('%s is not recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target)).toEqual([]);
  });
  it('a program training on an appeal lodged to predict a refusal: reported as a note', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
apps = pd.read_csv("applications.csv")
apps = apps[apps["decision"].isin(["granted", "refused"])]
apps["refused"] = (apps["decision"] == "refused").astype(int)
cols = ["site_area_m2", "storeys", "objections", "appeal_lodged"]
X_tr, X_te, y_tr, y_te = train_test_split(apps[cols], apps["refused"], random_state=0)
LogisticRegression().fit(X_tr, y_tr)  # <- leak-target
`);
  });
});

describe("a log's records of the kind its key is named after are that key's own record", () => {
  const prog = (keep: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
installs = pd.read_csv("installs.csv", parse_dates=["install_date"])
ledger = pd.read_csv("visits.csv", parse_dates=["visit_date"])
hours = ${keep}.groupby("install_id").agg(engineer_hours=("hours", "sum")).reset_index()
df = installs.merge(hours, on="install_id", how="left")
train, test = train_test_split(df, test_size=0.25, random_state=0)
cols = ["stairs_steps", "curved", "engineer_hours"]
model = LogisticRegression().fit(train[cols], train["revisit_30d"])${mark}
print(model.score(test[cols], test["revisit_30d"]))
`;
  it('the install visit of each install (nothing)', async () => {
    await check(prog('ledger[ledger["visit_type"] == "install"]'));
  });
  it('every visit of each install, revisits included: reported', async () => {
    await check(prog('ledger', '  # <- leak-target'));
  });
  it('the revisits of each install: reported', async () => {
    await check(prog('ledger[ledger["visit_type"] == "revisit"]', '  # <- leak-target'));
  });
  it('every visit but the install: reported', async () => {
    await check(prog('ledger[ledger["visit_type"] != "install"]', '  # <- leak-target'));
  });
});

describe('the end of a duration in a label that also names its outcome', () => {
  const prog = (label: string, feature: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("listings.csv", parse_dates=["reported_at", "closed_at"])
df["reunited_7d"] = (${label}).astype(int)
df["days_active"] = ${feature}
cols = ["species_dog", "microchipped", "days_active"]
train, test = train_test_split(df, test_size=0.25, random_state=0)
model = RandomForestClassifier().fit(train[cols], train["reunited_7d"])${mark}
print(model.score(test[cols], test["reunited_7d"]))
`;
  const closed =
    '(df["closed_at"].fillna(df["reported_at"] + pd.Timedelta(days=60)) - df["reported_at"]).dt.days';
  it('an outcome and the time to it, and a feature read off that end: reported', async () => {
    await check(
      prog(
        '(df["outcome"] == "reunited") & (df["closed_at"] - df["reported_at"] <= pd.Timedelta(days=7))',
        closed,
        '  # <- leak-target',
      ),
    );
  });
  it('the same without the outcome: reported', async () => {
    await check(
      prog('df["closed_at"] - df["reported_at"] <= pd.Timedelta(days=7)', closed, '  # <- leak-target'),
    );
  });
  it('a feature read off the start (nothing)', async () => {
    await check(
      prog(
        '(df["outcome"] == "reunited") & (df["closed_at"] - df["reported_at"] <= pd.Timedelta(days=7))',
        'df["reported_at"].dt.dayofweek',
      ),
    );
  });
});

describe('a method called on the class itself runs as a function', () => {
  const prog = (
    decorator: string,
    first: string,
    call: string,
    band = 'pd.qcut(df["repair_cost"], 4, labels=False)',
    mark = '',
  ) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
class ClaimModel:
    ${decorator}
    def features(${first}df):
        out = pd.DataFrame(index=df.index)
        out["age"] = df["appliance_age"]
        out["band"] = ${band}
        return out
df = pd.read_csv("policies.csv")
X = ${call}
y = (df["repair_cost"] > 0).astype(int)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
LogisticRegression().fit(X_tr, y_tr)${mark}
`;
  it('a @staticmethod: reported', async () => {
    await check(prog('@staticmethod', '', 'ClaimModel.features(df)', undefined, '  # <- leak-target'));
  });
  it('a @classmethod: reported', async () => {
    await check(prog('@classmethod', 'cls, ', 'ClaimModel.features(df)', undefined, '  # <- leak-target'));
  });
  it('through an instance, as before: reported', async () => {
    await check(prog('@staticmethod', '', 'ClaimModel().features(df)', undefined, '  # <- leak-target'));
  });
  it('a band of the price paid (nothing)', async () => {
    await check(prog('@staticmethod', '', 'ClaimModel.features(df)', '(df["list_price"] > 500).astype(int)'));
  });
});

describe('a key counted on rows a join multiplied is no sign of several rows per key in the table joined', () => {
  const prog = (extra: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
policies = pd.read_csv("policies.csv")
visits = pd.read_csv("visits.csv")
merged = policies[["policy_id", "serial_no"]].merge(visits[["serial_no", "visit_kind"]], on="serial_no", how="inner")
counts = merged.groupby("policy_id").size()
${extra}policies["n_visits"] = policies["policy_id"].map(counts).fillna(0)
X = policies[["appliance_age", "list_price", "n_visits"]]
X_tr, X_te, y_tr, y_te = train_test_split(X, policies["claimed"], random_state=0)${mark}
RandomForestClassifier().fit(X_tr, y_tr)
`;
  it("each policy's visits counted (nothing)", async () => {
    await check(prog(''));
  });
  it('the policies table itself counted per policy: reported', async () => {
    await check(prog('print(policies.groupby("policy_id").size().describe())\n', '  # <- leak-overlap'));
  });
});
