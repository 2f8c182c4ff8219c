import type { Engine, QueryOptions, QueryResult } from '../../src/engine/types.ts';

/** `engine` with its `query` replaced; every other method is the engine's own. */
export function withQuery(engine: Engine, query: (text: string, options?: QueryOptions) => Promise<QueryResult>): Engine {
  return {
    query,
    loadTable: (...args) => engine.loadTable(...args),
    catalog: () => engine.catalog(),
    cancel: () => engine.cancel(),
    close: () => engine.close(),
  };
}
