/**
 * The picture of a simulation: the actual intensity over a window of days, and under it one row per policy with a
 * bar for each run, coloured by the intensity it ran at (green clean, red dirty). Hand-written SVG strings: a
 * chart library or a headless browser would be a heavy dependency for one static figure.
 */
import type { IntensityPoint } from '../types.js';
import type { IntensityIndex } from '../window.js';
import { indexIntensity, meanIntensity } from '../window.js';
import type { Placement } from './engine.js';
import type { PolicyMetrics } from './metrics.js';
import type { PolicyKey } from './simulate.js';
import { POLICY_KEYS, POLICY_LABELS } from './simulate.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SvgInput {
  title: string;
  actual: readonly IntensityPoint[];
  placements: Record<PolicyKey, Placement[]>;
  metrics: readonly PolicyMetrics[];
  /** Shown window [from, to). */
  from: number;
  to: number;
  thresholdG: number;
}

const WIDTH = 1200;
const LEFT = 230;
const RIGHT = 24;
const PLOT_TOP = 56;
const PLOT_HEIGHT = 220;
const LANE = 3;
const ROW_GAP = 14;

export function renderSvg(input: SvgInput): string {
  const { from, to } = input;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (t: number) => LEFT + ((Math.min(Math.max(t, from), to) - from) / (to - from)) * plotWidth;
  const shown = input.actual.filter((p) => p.end > from && p.start < to);
  const maxValue = Math.max(1, ...shown.map((p) => p.value), input.thresholdG);
  const yMax = niceCeil(maxValue * 1.05);
  const y = (v: number) => PLOT_TOP + PLOT_HEIGHT - (v / yMax) * PLOT_HEIGHT;
  const minValue = Math.min(...shown.map((p) => p.value), maxValue);
  const colour = (v: number) => intensityColour((v - minValue) / Math.max(1e-9, maxValue - minValue));
  const actualIndex: IntensityIndex = indexIntensity(input.actual);
  const out: string[] = [];

  // Rows of runs: lanes are assigned greedily so overlapping runs stack.
  const rows = POLICY_KEYS.map((key) => {
    const runs = (input.placements[key] ?? [])
      .filter((p) => p.end > from && p.start < to)
      .sort((a, b) => a.start - b.start);
    const laneEnds: number[] = [];
    const laid = runs.map((p) => {
      let lane = laneEnds.findIndex((end) => end <= p.start);
      if (lane < 0) {
        lane = laneEnds.length;
        laneEnds.push(p.end);
      } else laneEnds[lane] = p.end;
      return { p, lane };
    });
    return { key, laid, lanes: Math.max(1, laneEnds.length) };
  });
  let rowTop = PLOT_TOP + PLOT_HEIGHT + 44;
  const rowTops = rows.map((r) => {
    const top = rowTop;
    rowTop += Math.max(30, r.lanes * LANE + 8) + ROW_GAP;
    return top;
  });
  const height = rowTop + 40;

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="24" font-size="16" font-weight="bold">${esc(input.title)}</text>`,
    `<text x="${LEFT}" y="42" fill="#555">Actual grid intensity (gCO2eq/kWh) and when each policy ran each job; bars coloured by the intensity they ran at.</text>`,
  );

  // Axes and grid of the intensity panel.
  for (let v = 0; v <= yMax; v += niceStep(yMax)) {
    out.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#e5e5e5"/>`,
      `<text x="${LEFT - 6}" y="${f(y(v) + 4)}" text-anchor="end" fill="#555">${v}</text>`,
    );
  }
  out.push(
    `<text x="${LEFT - 44}" y="${PLOT_TOP + PLOT_HEIGHT / 2}" text-anchor="middle" fill="#555" transform="rotate(-90 ${LEFT - 44} ${PLOT_TOP + PLOT_HEIGHT / 2})">gCO2eq/kWh</text>`,
  );
  const bottom = height - 40;
  for (let d = Math.ceil(from / DAY) * DAY; d < to; d += DAY) {
    out.push(
      `<line x1="${f(x(d))}" x2="${f(x(d))}" y1="${PLOT_TOP}" y2="${bottom}" stroke="#d0d0d0" stroke-dasharray="2,3"/>`,
    );
    if (to - from <= 21 * DAY || Math.round((d - from) / DAY) % 7 === 0) {
      out.push(
        `<text x="${f(x(d) + 3)}" y="${PLOT_TOP + PLOT_HEIGHT + 16}" fill="#333">${esc(dayLabel(d))}</text>`,
      );
    }
  }
  // Threshold line.
  if (input.thresholdG < yMax) {
    out.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${f(y(input.thresholdG))}" y2="${f(y(input.thresholdG))}" stroke="#2b7bb9" stroke-dasharray="6,4"/>`,
      `<text x="${LEFT + 4}" y="${f(y(input.thresholdG) - 4)}" fill="#2b7bb9">threshold ${input.thresholdG} g</text>`,
    );
  }
  // The intensity as a step line.
  const path: string[] = [];
  for (const p of shown) {
    path.push(
      `${path.length === 0 ? 'M' : 'L'}${f(x(p.start))},${f(y(p.value))}`,
      `L${f(x(p.end))},${f(y(p.value))}`,
    );
  }
  if (path.length > 0) out.push(`<path d="${path.join(' ')}" fill="none" stroke="#222" stroke-width="1.5"/>`);
  out.push(
    `<rect x="${LEFT}" y="${PLOT_TOP}" width="${plotWidth}" height="${PLOT_HEIGHT}" fill="none" stroke="#999"/>`,
  );

  // One row per policy.
  rows.forEach((row, i) => {
    const top = rowTops[i]!;
    const rowHeight = Math.max(30, row.lanes * LANE + 8);
    const m = input.metrics.find((mm) => mm.policy === row.key);
    const saved = m && row.key !== 'run-now' ? ` (${m.savedVsRunNowPct.toFixed(1)}% saved)` : '';
    out.push(
      `<rect x="${LEFT}" y="${top}" width="${plotWidth}" height="${rowHeight}" fill="#f7f7f7"/>`,
      `<text x="${LEFT - 8}" y="${f(top + rowHeight / 2 - 2)}" text-anchor="end" font-weight="bold">${esc(POLICY_LABELS[row.key])}</text>`,
      `<text x="${LEFT - 8}" y="${f(top + rowHeight / 2 + 12)}" text-anchor="end" fill="#555">${esc(saved.trim())}</text>`,
    );
    for (const { p, lane } of row.laid) {
      const mean = meanIntensity(actualIndex, p.start, p.end) ?? minValue;
      const x0 = x(p.start);
      const w = Math.max(1, x(p.end) - x0);
      out.push(
        `<rect x="${f(x0)}" y="${f(top + 4 + lane * LANE)}" width="${f(w)}" height="${LANE - 0.6}" fill="${colour(mean)}"/>`,
      );
    }
  });

  // Colour legend.
  const legendY = height - 22;
  out.push(`<text x="${LEFT}" y="${legendY + 9}" fill="#555">run at</text>`);
  for (let k = 0; k <= 10; k++) {
    out.push(
      `<rect x="${LEFT + 50 + k * 18}" y="${legendY}" width="18" height="10" fill="${intensityColour(k / 10)}"/>`,
    );
  }
  out.push(
    `<text x="${LEFT + 50 + 11 * 18 + 6}" y="${legendY + 9}" fill="#555">${Math.round(minValue)} → ${Math.round(maxValue)} gCO2eq/kWh</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

/** Green (clean) → yellow → red (dirty) for s in [0, 1]. */
function intensityColour(s: number): string {
  const c = Math.min(1, Math.max(0, s));
  const r = c < 0.5 ? Math.round(60 + 390 * c) : 235;
  const g = c < 0.5 ? 170 : Math.round(170 - 250 * (c - 0.5));
  const b = 60;
  return `rgb(${Math.min(255, r)},${Math.max(0, g)},${b})`;
}

function niceStep(max: number): number {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

function niceCeil(v: number): number {
  const step = niceStep(v);
  return Math.ceil(v / step) * step;
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayLabel(t: number): string {
  const d = new Date(t);
  return `${DAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

function f(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
