/**
 * Shared parser front ends for the analyses (select, review): one loader, so the grammar is loaded once per
 * process and no analysis copies it. Tree-sitter runs as WebAssembly (web-tree-sitter), so nothing native is built.
 */
export { loadPythonParser, type PythonParser } from './python.js';
