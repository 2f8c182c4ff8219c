/**
 * SegQL: text → SQL, pure and synchronous (no DOM, no engine, no I/O).
 *
 *   source ─lex─▶ tokens ─parse─▶ AST ─check─▶ model ─lower─▶ SQL (per dialect)
 *   lexer.ts      parser.ts      check/       sql/
 *                 (ast/build.ts)
 *
 * buildProgram parses every cell once; compileCell checks one cell against the catalog (the
 * tables and views that exist now) and the whole notebook's definitions, and lowers its
 * statements to SQL. Mistakes come back as diagnostics with positions, never as exceptions.
 */
export type { Catalog, CatalogColumn, CatalogTable } from './catalog.ts';
export type { Diagnostic, Span, Severity } from './diagnostics.ts';
export { buildProgram, catalogDependencies, cellDefinitions, cellReferences, programAsof } from './program.ts';
export type { CellReference } from './program.ts';
export type { CellSource, Definition, DefinitionKind, Program } from './program.ts';
export { checkCell, compileCell, analyze, literalProbes } from './compile.ts';
export { findColumn, findTable } from './catalog.ts';
export { ALL_FUNCTION_NAMES } from './check/functions.ts';
export { SHOW_DEFAULT_LIMIT } from './check/statements.ts';
export type { CompiledCell, CompiledStatement, CompileOptions, LiteralProbe, ResultStatement } from './compile.ts';
export type { LiteralComparison } from './check/literal-comparisons.ts';
export type { ValuesTable, ValuesTableUse } from './sql/cached-values.ts';
export { parseCell } from './parse.ts';
export { sqlCreates, sqlReferences, sqlWithoutTextAndComments } from './sql-references.ts';
export { duckdb } from './sql/duckdb.ts';
export { postgres } from './sql/postgres.ts';
export { completeAt } from './ide/completion.ts';
export type { Completion, CompletionItem, CompletionKind } from './ide/completion.ts';
export { hoverAt } from './ide/hover.ts';
export type { Hover } from './ide/hover.ts';
export { literalMarkdown } from './ide/markdown-text.ts';
export { tableSummary } from './ide/table-summary.ts';
export { keywordTokens } from './tokens.ts';
