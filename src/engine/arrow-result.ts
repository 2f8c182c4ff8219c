/** A stream of Arrow record batches → a QueryResult with JSON-safe rows. */
import type { RecordBatch, Schema, Vector } from 'apache-arrow';
import { cellReader } from './arrow-values.ts';
import { ArrowType, duckdbTypeName } from './arrow-types.ts';
import type { QueryResult, Value } from './types.ts';

/**
 * An ENUM cell whose label did not arrive: DuckDB-WASM's streamed results carry ENUM columns'
 * indices but not their dictionaries. The labels come from the ENUM's type name instead.
 */
export interface EnumIndex {
  row: number;
  column: number;
  index: number;
}

export interface ArrowResult {
  result: QueryResult;
  schema: Schema | undefined;
  enumIndices: EnumIndex[];
}

export type BatchStream = AsyncIterable<RecordBatch> & { schema?: Schema | null };

export async function readArrowResult(batches: BatchStream): Promise<ArrowResult> {
  let schema = batches.schema ?? undefined;
  let readers = schema?.fields.map((f) => cellReader(f.type)) ?? [];
  const rows: Value[][] = [];
  const enumIndices: EnumIndex[] = [];
  for await (const batch of batches) {
    if (!schema) {
      schema = batch.schema;
      readers = schema.fields.map((f) => cellReader(f.type));
    }
    const columns = readers.map((_, c) => batch.getChildAt(c)!);
    const first = rows.length;
    for (let i = 0; i < batch.numRows; i++) {
      const row = new Array<Value>(readers.length);
      for (let c = 0; c < readers.length; c++) row[c] = readers[c]!(columns[c]!, i);
      rows.push(row);
    }
    columns.forEach((vector, column) => {
      if (vector.type.typeId === ArrowType.Dictionary) collectEnumIndices(vector, column, first, enumIndices);
    });
  }
  const fields = schema?.fields ?? [];
  return {
    schema,
    enumIndices,
    result: { columns: fields.map((f) => f.name), types: fields.map((f) => duckdbTypeName(f.type)), rows },
  };
}

function collectEnumIndices(vector: Vector, column: number, firstRow: number, into: EnumIndex[]): void {
  let row = firstRow;
  for (const data of vector.data) {
    const hasLabels = (data.dictionary?.length ?? 0) > 0;
    for (let i = 0; i < data.length; i++, row++) {
      if (!hasLabels && vector.isValid(row - firstRow)) into.push({ row, column, index: Number(data.values[data.offset + i]) });
    }
  }
}

/** The labels of an ENUM type name such as `ENUM('sad', 'it''s ok')`, in index order. */
export function enumLabels(typeName: string): string[] | undefined {
  if (!typeName.startsWith('ENUM(')) return undefined;
  return Array.from(typeName.matchAll(/'((?:[^']|'')*)'/g), (m) => m[1]!.replace(/''/g, "'"));
}
