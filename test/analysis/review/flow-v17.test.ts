/**
 * The twenty-first round of data-flow capabilities (issue 16; held-out v21's failures, tuning data since its report;
 * v22 frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and
 * programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { reviewSources } from '../../../src/analysis/review/index.js';

async function check(source: string, path = 'prog.py'): Promise<void> {
  const text = source.replace(/^\n/, '');
  const expected = text
    .split('\n')
    .flatMap((l, i) => [...l.matchAll(/# <- (leak-[a-z-]+)/g)].map((m) => `${m[1]}@${i + 1}`));
  const r = await reviewSources([{ path, text }], { families: ['leakage'] });
  expect(r.problems).toEqual([]);
  const got = r.findings.map((f) => `${f.ruleId}@${f.location.line}`);
  expect(got.sort()).toEqual(expected.sort());
}

describe('a list of feature names with comments between its items', () => {
  it('the names are the features, the target not among them (nothing)', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
FEATURES = [
    # build record
    "membrane_um", "pt_loading",
    # beginning of life
    "bol_ocv",
]
df = pd.read_csv("stacks.csv")
df["early_eol"] = (df["hours_to_loss"] < 2000).astype(int)
tr, te = train_test_split(df, test_size=0.2, random_state=0)
print(LogisticRegression().fit(tr[FEATURES], tr["early_eol"]).score(te[FEATURES], te["early_eol"]))
`);
  });
});

describe('outcomes by name: time since an earlier event, and what follows an outcome', () => {
  const prog = (cols: string, target: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("jobs.csv")
cols = ${cols}
tr, te = train_test_split(df, test_size=0.2, random_state=0)
m = RandomForestClassifier().fit(tr[cols], tr["${target}"])${mark}
print(m.score(te[cols], te["${target}"]))
`;
  it('days since the last repair beside a failure label (nothing)', async () => {
    await check(prog('["age_years", "days_since_last_repair"]', 'failed_90d'));
  });
  it('reminder texts beside an uncollected repair, reported', async () => {
    await check(prog('["price", "reminder_sms_count"]', 'uncollected', '  # <- leak-target'));
  });
  it('a tornado path width beside its EF rating, reported', async () => {
    await check(prog('["cape", "path_width_m"]', 'ef_rating', '  # <- leak-target'));
  });
});
