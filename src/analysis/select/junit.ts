import { XMLParser } from 'fast-xml-parser';
import { SelectInputError } from './errors.js';

/** One test case from a JUnit XML report, attributed to its test file. */
export interface TestCaseResult {
  /** The test file (repository-relative); undefined when the report does not let it be found. */
  file: string | undefined;
  name: string;
  outcome: 'passed' | 'failed' | 'skipped';
  durationS: number;
}

type Attrs = Record<string, string | undefined>;
interface XmlNode extends Attrs {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

/**
 * Finds a test case's file. Reports name it differently: a `file` attribute (pytest's xunit1, node --test,
 * jest-junit with addFileAttribute), the suite or classname as a path (vitest), or a dotted module path as
 * classname (pytest's default xunit2: `tests.test_x.TestY` → tests/test_x.py).
 */
function fileOf(testcase: XmlNode, suite: XmlNode, known: ReadonlySet<string>): string | undefined {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
  for (const c of [testcase.file, suite.file, testcase.classname, suite.name]) {
    if (c !== undefined && known.has(norm(c))) return norm(c);
  }
  const cls = testcase.classname;
  if (cls !== undefined) {
    const parts = cls.split('.');
    for (let i = parts.length; i > 0; i--) {
      const candidate = `${parts.slice(0, i).join('/')}.py`;
      if (known.has(candidate)) return candidate;
    }
    // Suffix match: the report ran from a subdirectory.
    for (const k of known)
      if (k.endsWith(`/${parts.slice(0, -1).join('/')}.py`) || k.endsWith(`/${norm(cls)}`)) return k;
  }
  return testcase.file === undefined ? undefined : norm(testcase.file);
}

/** Parses a JUnit XML report (pytest, vitest, jest-junit, node --test-reporter=junit). */
export function parseJunit(file: string, xml: string, knownTests: ReadonlySet<string>): TestCaseResult[] {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (err) {
    throw new SelectInputError(file, `not valid XML (${(err as Error).message.split('\n')[0]})`);
  }
  const root = (doc.testsuites ?? doc) as { testsuite?: XmlNode[] };
  if (root.testsuite === undefined)
    throw new SelectInputError(file, 'has no <testsuite> element: not a JUnit report');
  const out: TestCaseResult[] = [];
  const visit = (suite: XmlNode & { testcase?: XmlNode[]; testsuite?: XmlNode[] }) => {
    for (const tc of suite.testcase ?? []) {
      const t = tc as XmlNode & Record<string, unknown>;
      const outcome =
        t.failure !== undefined || t.error !== undefined
          ? 'failed'
          : t.skipped !== undefined
            ? 'skipped'
            : 'passed';
      const time = Number(t.time ?? 0);
      out.push({
        file: fileOf(t, suite, knownTests),
        name: t.name ?? '',
        outcome,
        durationS: Number.isFinite(time) && time >= 0 ? time : 0,
      });
    }
    for (const inner of suite.testsuite ?? []) visit(inner as never);
  };
  for (const suite of root.testsuite) visit(suite as never);
  return out;
}
