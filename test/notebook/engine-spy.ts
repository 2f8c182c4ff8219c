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

/** `engine` counting its catalog reads; everything else is the engine's own. */
export function withCatalogReads(engine: Engine): { engine: Engine; reads: () => number } {
  let reads = 0;
  const counted = { ...withQuery(engine, (text, options) => engine.query(text, options)), catalog: () => (reads++, engine.catalog()) };
  return { engine: counted, reads: () => reads };
}
