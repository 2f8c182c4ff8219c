import type { Engine, QueryOptions, QueryResult } from '../../src/engine/types.ts';

/** `engine` with its `query` replaced by `query`, which gets the engine to pass queries on to; every other method is the engine's own. */
export function withQuery(engine: Engine, query: (text: string, options: QueryOptions | undefined, engine: Engine) => Promise<QueryResult>): Engine {
  return {
    query: (text, options) => query(text, options, engine),
    loadTable: (...args) => engine.loadTable(...args),
    catalog: () => engine.catalog(),
    cancel: () => engine.cancel(),
    close: () => engine.close(),
  };
}
