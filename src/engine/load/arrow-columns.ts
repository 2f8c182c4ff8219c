/**
 * JavaScript values → Arrow vectors, built straight into typed arrays. apache-arrow's own
 * builders take seconds per million strings; loading Parquet and JSON is mostly this step.
 * `null` and `undefined` are nulls.
 */
import type { Vector } from 'apache-arrow';
import type { Carrier } from './arrow-insert.ts';

type Arrow = typeof import('apache-arrow');
const MS_PER_DAY = 86_400_000;

export function columnVector(arrow: Arrow, carrier: Carrier, values: ArrayLike<unknown>): Vector {
  const length = values.length;
  const { bitmap, nullCount } = validity(values);
  const common = { length, nullCount, nullBitmap: nullCount ? bitmap : undefined };
  switch (carrier) {
    case 'DOUBLE':
      return arrow.makeVector(arrow.makeData({ type: new arrow.Float64(), ...common, data: fill(new Float64Array(length), values, Number) }));
    case 'INTEGER':
      return arrow.makeVector(arrow.makeData({ type: new arrow.Int32(), ...common, data: fill(new Int32Array(length), values, Number) }));
    case 'BIGINT':
      return arrow.makeVector(arrow.makeData({ type: new arrow.Int64(), ...common, data: fill(new BigInt64Array(length), values, toBigInt) }));
    case 'DATE':
      return arrow.makeVector(arrow.makeData({ type: new arrow.DateDay(), ...common, data: fill(new Int32Array(length), values, toDays) }));
    case 'BOOLEAN':
      return arrow.makeVector(arrow.makeData({ type: new arrow.Bool(), ...common, data: bits(values) }));
    case 'VARCHAR':
      return arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), ...common, ...utf8(values) }));
  }
}

function present(value: unknown): boolean {
  return value !== null && value !== undefined;
}

function validity(values: ArrayLike<unknown>): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (present(values[i])) bitmap[i >> 3]! |= 1 << (i & 7);
    else nullCount++;
  }
  return { bitmap, nullCount };
}

function fill<T extends { [i: number]: V; length: number }, V>(target: T, values: ArrayLike<unknown>, convert: (value: unknown) => V): T {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (present(value)) target[i] = convert(value);
  }
  return target;
}

function toBigInt(value: unknown): bigint {
  return typeof value === 'bigint' ? BigInt.asIntN(64, value) : BigInt(Math.trunc(Number(value)));
}

function toDays(value: unknown): number {
  const ms = value instanceof Date ? value.getTime() : Number(value);
  return Math.floor(ms / MS_PER_DAY);
}

function bits(values: ArrayLike<unknown>): Uint8Array {
  const out = new Uint8Array(Math.ceil(values.length / 8));
  for (let i = 0; i < values.length; i++) if (values[i] === true) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

/** Offsets and UTF-8 bytes; each distinct string is encoded once (categories repeat a lot). */
function utf8(values: ArrayLike<unknown>): { valueOffsets: Int32Array; data: Uint8Array } {
  const encoder = new TextEncoder();
  const seen = new Map<string, Uint8Array>();
  const valueOffsets = new Int32Array(values.length + 1);
  let data = new Uint8Array(Math.max(64, values.length * 8));
  let end = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (present(value)) {
      const text = String(value);
      let bytes = seen.get(text);
      if (!bytes) {
        bytes = encoder.encode(text);
        if (seen.size < 10_000) seen.set(text, bytes);
      }
      if (end + bytes.length > data.length) {
        const grown = new Uint8Array(Math.max(data.length * 2, end + bytes.length));
        grown.set(data.subarray(0, end));
        data = grown;
      }
      data.set(bytes, end);
      end += bytes.length;
    }
    valueOffsets[i + 1] = end;
  }
  return { valueOffsets, data: data.subarray(0, end) };
}
