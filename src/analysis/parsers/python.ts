import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

/** A tree-sitter parser for Python (grammar: the tree-sitter-python package's own prebuilt .wasm). */
export type PythonParser = Parser;

let loading: Promise<Language> | undefined;

/** The Python grammar, loaded once per process. */
async function pythonLanguage(): Promise<Language> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    // The runtime's .wasm is found through node_modules too: in the CLI bundle (scripts/bundle-cli.ts) the
    // emscripten loader's own location is the bundle file, not the package.
    const runtime = require.resolve('web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtime });
    return Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
  })();
  return loading;
}

/** A new parser set to the Python grammar. Parsers are cheap once the grammar is loaded; reuse one per loop. */
export async function loadPythonParser(): Promise<PythonParser> {
  const language = await pythonLanguage(); // initialises the runtime before a Parser may be constructed
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
