/**
 * Aggregation windows (issue 16, target leakage; v5's tgt_clv_features_from_all_transactions, tuning data): a label
 * that is a statistic by group of a part of a table, and features that are statistics of rows including that part.
 * Programs written for these tests, not copied from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { reviewSources } from '../../../src/analysis/review/index.js';
import { check } from './check-leakage.js';

const churn = (features: string, mark: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
visits = pd.read_parquet("gym_visits.parquet")
cutoff = pd.Timestamp("2025-06-30")
later = visits[visits["visited_at"] > cutoff]
label = later.groupby("member_id")["minutes"].sum().rename("minutes_next")
${features}
table = stats.join(label, how="left").fillna({"minutes_next": 0})
X_tr, X_te, y_tr, y_te = train_test_split(table.drop(columns="minutes_next"), table["minutes_next"], random_state=5)
RandomForestRegressor(random_state=5).fit(X_tr, y_tr)${mark}
`;

describe('features aggregated over the label’s own period', () => {
  it('statistics of all visits, the label from the visits after the cutoff: reported', async () => {
    await check(
      churn(
        'stats = visits.groupby("member_id").agg(n=("visited_at", "count"), mean_minutes=("minutes", "mean"))',
        '  # <- leak-target',
      ),
    );
  });

  it('statistics of the visits up to the cutoff only: nothing', async () => {
    await check(
      churn(
        'before = visits[visits["visited_at"] <= cutoff]\nstats = before.groupby("member_id").agg(n=("visited_at", "count"), mean_minutes=("minutes", "mean"))',
        '',
      ),
    );
  });

  it('the finding says which statistics and where', async () => {
    const text = churn('stats = visits.groupby("member_id").agg(n=("visited_at", "count"))', '').replace(
      /^\n/,
      '',
    );
    const r = await reviewSources([{ path: 'prog.py', text }], { families: ['leakage'] });
    const f = r.findings.find((x) => x.ruleId === 'leak-target');
    expect(f?.message).toBe('the features summarise the rows the target "minutes_next" is computed from');
    expect(f?.why).toMatch(/line 7\b.*line 8\b/);
  });
});
