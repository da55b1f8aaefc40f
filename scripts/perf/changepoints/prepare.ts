/**
 * Builds the committed change-point evaluation data (data/changepoints/) from checkouts of two public
 * labelled sets of real series. Run once; the eval reads only the derived files.
 *
 *   tsx scripts/perf/changepoints/prepare.ts --tcpd DIR --nab DIR
 *
 * TCPD — Turing Change Point Dataset (github.com/alan-turing-institute/TCPD @ 83b3039, MIT code, data under
 * the licence in each dataset's README): the univariate series whose README states a licence that allows
 * redistribution, with the five annotators' change points from annotations.json. Left out: nile and seatbelts
 * (GPL-2, from R), centralia and shanghai_license (no redistribution statement), quality_control_1…5
 * (synthetic, not real series; TCPDBench scores them apart), run_log (two-dimensional), and the series TCPD
 * itself does not redistribute (downloaded by its get_*.py scripts).
 *
 * NAB — Numenta Anomaly Benchmark (github.com/numenta/NAB @ ea702d7, MIT): the realAWSCloudwatch and
 * realKnownCause series (operations metrics: CPU, network, request latency, disk) with the labelled
 * anomaly timestamps of labels/combined_labels.json as one annotator's change points — an anomaly's onset is
 * where the series' regime changes, which is what a change-point detector should report.
 *
 * NAB-fresh — the other real series of the same NAB checkout (realAdExchange: online advertising cost per
 * click / per thousand impressions; realTraffic: road occupancy, speed and travel time; realTweets: Twitter
 * mention volumes), labelled the same way. Added after the first held-out part had been reported, and frozen
 * whole as a second held-out part (split.json, with the sha256 of the file) before any further tuning: no
 * detector had been run on it when it was committed.
 *
 * The held-out part of TCPD and NAB (split.json) is chosen by a hash of each series' name, before any tuning.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values: args } = parseArgs({
  options: {
    tcpd: { type: 'string' },
    nab: { type: 'string' },
    out: { type: 'string', default: 'data/changepoints' },
  },
});
if (!args.tcpd || !args.nab) {
  process.stderr.write('usage: tsx scripts/perf/changepoints/prepare.ts --tcpd DIR --nab DIR\n');
  process.exit(2);
}

interface Labelled {
  name: string;
  /** null = a missing value. */
  values: (number | null)[];
  /** One list of 0-based change-point indices per annotator. */
  annotations: number[][];
  licence: string;
}

const TCPD_LICENCES: Record<string, string> = {
  bank: 'MIT',
  brent_spot: 'public domain (US EIA)',
  businv: 'US Census, redistribution allowed',
  children_per_woman: 'CC BY 4.0 (Gapminder)',
  co2_canada: 'CC BY 4.0 (Gapminder)',
  construction: 'US Census, redistribution allowed',
  debt_ireland: 'Euro Area Statistics, redistribution with source quoted',
  gdp_argentina: 'CC BY 4.0 (World Bank)',
  gdp_croatia: 'CC BY 4.0 (World Bank)',
  gdp_iran: 'CC BY 4.0 (World Bank)',
  gdp_japan: 'CC BY 4.0 (World Bank)',
  global_co2: 'CC BY 3.0 (Meinshausen et al.)',
  homeruns: 'CC BY-SA 3.0 (Lahman baseball database)',
  jfk_passengers: 'CC0 (Port Authority of NY & NJ via Kaggle)',
  lga_passengers: 'CC0 (Port Authority of NY & NJ via Kaggle)',
  ozone: 'CC BY 4.0 (Our World in Data)',
  rail_lines: 'CC BY 4.0 (World Bank)',
  uk_coal_employ: 'Open Government Licence v3 (UK)',
  unemployment_nl: 'CC BY 4.0 (CBS Statistics Netherlands)',
  us_population: 'US Census, redistribution allowed',
  usd_isk: 'Eurostat, redistribution allowed',
  well_log: 'MIT',
};

function tcpd(dir: string): Labelled[] {
  const annotations = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8')) as Record<
    string,
    Record<string, number[]>
  >;
  return Object.entries(TCPD_LICENCES).map(([name, licence]) => {
    const doc = JSON.parse(readFileSync(join(dir, 'datasets', name, `${name}.json`), 'utf8')) as {
      n_obs: number;
      n_dim: number;
      series: { raw: (number | null)[] }[];
    };
    if (doc.n_dim !== 1) throw new Error(`${name}: expected one dimension, got ${doc.n_dim}`);
    const values = doc.series[0]!.raw.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
    const byAnnotator = annotations[name];
    if (!byAnnotator) throw new Error(`${name}: no annotations`);
    return {
      name,
      values,
      annotations: Object.values(byAnnotator).map((a) => [...a].sort((x, y) => x - y)),
      licence,
    };
  });
}

function nab(dir: string, groups: readonly string[]): Labelled[] {
  const labels = JSON.parse(readFileSync(join(dir, 'labels', 'combined_labels.json'), 'utf8')) as Record<
    string,
    string[]
  >;
  const out: Labelled[] = [];
  for (const group of groups) {
    for (const file of readdirSync(join(dir, 'data', group)).sort()) {
      if (!file.endsWith('.csv')) continue;
      const lines = readFileSync(join(dir, 'data', group, file), 'utf8')
        .trim()
        .split('\n')
        .slice(1);
      const stamps = lines.map((l) => l.split(',')[0]!);
      const values = lines.map((l) => {
        const v = Number(l.split(',')[1]);
        return Number.isFinite(v) ? v : null;
      });
      const key = `${group}/${file}`;
      const cps = (labels[key] ?? []).map((t) => {
        const i = stamps.indexOf(t);
        if (i < 0) throw new Error(`${key}: label ${t} is not a timestamp of the series`);
        return i;
      });
      out.push({ name: key.replace(/\.csv$/, ''), values, annotations: [cps], licence: 'MIT (Numenta)' });
    }
  }
  return out;
}

/** Held out when the first byte of sha256(set/name) is odd: about half, fixed before tuning. */
function heldOut(set: string, name: string): boolean {
  return (createHash('sha256').update(`${set}/${name}`).digest()[0]! & 1) === 1;
}

const sets = {
  tcpd: { source: 'TCPD', series: tcpd(args.tcpd) },
  nab: { source: 'NAB', series: nab(args.nab, ['realAWSCloudwatch', 'realKnownCause']) },
  'nab-fresh': { source: 'NAB', series: nab(args.nab, ['realAdExchange', 'realTraffic', 'realTweets']) },
};
const sha256: Record<string, string> = {};
for (const [set, { source, series }] of Object.entries(sets)) {
  const text = `${JSON.stringify({ source, series })}\n`;
  writeFileSync(join(args.out, `${set}.json.gz`), gzipSync(text));
  // Of the JSON text, not of the gzip file: gzip's bytes vary with the compressor, the content does not.
  sha256[set] = createHash('sha256').update(text).digest('hex');
}
const split = Object.fromEntries(
  Object.entries(sets).map(([set, { series }]) => [
    set,
    series.filter((s) => set === 'nab-fresh' || heldOut(set, s.name)).map((s) => s.name),
  ]),
);
writeFileSync(join(args.out, 'split.json'), `${JSON.stringify({ heldout: split, sha256 }, null, 2)}\n`);
for (const [set, { series }] of Object.entries(sets)) {
  process.stdout.write(`${set}: ${series.length} series, ${split[set]!.length} held out\n`);
}
