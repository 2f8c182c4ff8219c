/**
 * What SQL cells may not do in a sealed engine, and why, in an analyst's words. DuckDB enforces
 * the seal (`enable_external_access=false`, `lock_configuration=true`); this module only words
 * its refusals, and refuses up front what DuckDB-WASM would let pass silently (INSTALL is a
 * no-op there) or allows harmlessly but confusingly (ATTACH ':memory:').
 */
import { SandboxError, type QueryError } from './errors.ts';
import { statementTokens } from './sql-text.ts';
import type { QueryResult } from './types.ts';

const LOAD_DATA = "load data with the data panel or the notebook's front matter";

const READ = `SQL cells cannot read files or URLs`;
const WRITE = 'SQL cells cannot write files: results stay in this notebook';
const EXTENSIONS = "SQL cells cannot install or load DuckDB extensions: Segbook works offline with DuckDB's built-in functions";
const ATTACH = `SQL cells cannot attach other databases: they see the tables loaded into this notebook; ${LOAD_DATA}`;
const SETTINGS = 'SQL cells cannot change DuckDB settings: they are locked so that SQL can never reach files or the network';

/** Statements that only ask for the seal the engine already has (the CLI's runner seals explicitly). */
const SEALING = new Set(['SET ENABLE_EXTERNAL_ACCESS = FALSE', 'SET LOCK_CONFIGURATION = TRUE']);

export const EMPTY_RESULT: QueryResult = { columns: [], types: [], rows: [] };

/** A refusal for statements no sealed engine runs, before DuckDB sees them. */
export function refuseUpFront(sql: string): SandboxError | undefined {
  for (const [first, second] of statementTokens(sql)) {
    if (first === 'INSTALL' || first === 'LOAD' || (first === 'FORCE' && second === 'INSTALL') || (first === 'UPDATE' && second === 'EXTENSIONS')) {
      return new SandboxError(`${EXTENSIONS}.`, `${first} refused before running`);
    }
    if (first === 'ATTACH' || first === 'DETACH') return new SandboxError(`${ATTACH}.`, `${first} refused before running`);
  }
  return undefined;
}

/** Whether the script only seals what is sealed already: nothing to run. */
export function onlySeals(sql: string): boolean {
  const statements = statementTokens(sql).map((tokens) => normalSet(tokens).join(' '));
  return statements.length > 0 && statements.every((s) => SEALING.has(s));
}

function normalSet(tokens: string[]): string[] {
  const words = tokens.filter((t) => t !== 'GLOBAL' && t !== 'SESSION');
  return words.map((t) => (t === 'TO' ? '=' : t === '0' || t === 'OFF' ? 'FALSE' : t === '1' || t === 'ON' ? 'TRUE' : t));
}

/** DuckDB's refusal in a sealed engine → what is not allowed and why; other errors → undefined. */
export function sandboxRefusal(error: QueryError, sql: string): SandboxError | undefined {
  const message = error.message;
  const file = /Cannot access file "(.*?)" - file system operations are disabled/.exec(message)?.[1];
  if (file !== undefined) {
    const writes = statementTokens(sql).some(writesFiles);
    return new SandboxError(writes ? `${WRITE} ("${file}").` : `${READ} ("${file}"): ${LOAD_DATA}.`, message);
  }
  if (/Loading external extensions is disabled/.test(message)) return new SandboxError(`${EXTENSIONS}.`, message);
  const setting = /Cannot change configuration option "(.*?)" - the configuration has been locked/.exec(message)?.[1];
  if (setting !== undefined) return new SandboxError(`${SETTINGS} ("${setting}").`, message);
  return undefined;
}

/** EXPORT DATABASE, and COPY … TO (as opposed to COPY … FROM, outside any parenthesised query). */
function writesFiles(tokens: string[]): boolean {
  if (tokens[0] === 'EXPORT') return true;
  if (tokens[0] !== 'COPY') return false;
  let depth = 0;
  for (const token of tokens) {
    if (token === '(') depth++;
    else if (token === ')') depth--;
    else if (depth === 0 && (token === 'TO' || token === 'FROM')) return token === 'TO';
  }
  return false;
}
