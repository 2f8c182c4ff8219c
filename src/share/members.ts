/**
 * A segment's members as a CSV of its population's keys, optionally SHA-256-hashed (so a list can
 * go to a partner who matches it against their own hashed keys). A segment cell's view holds its
 * members (spec §10: segments by their name, partition parts and split arms as "name.part").
 */
import type { Value } from '../engine/types.ts';
import type { Program } from '../lang/index.ts';
import { quoteIdentifier } from '../notebook/tables.ts';
import { toCsv } from '../ui/seg-result-text.ts';

export interface MemberList {
  /** As the analyst wrote it: `big_spenders`, `rfm.champions`. */
  name: string;
  /** The population key column every member has. */
  key: string;
}

/** Every segment, partition part and split arm whose population and key the notebook names. */
export function memberLists(program: Program): MemberList[] {
  const populations = new Map<string, string>();
  for (const d of program.definitions) {
    if (d.statement.kind === 'population') populations.set(d.name.toLowerCase(), d.statement.key.text);
  }
  const only = populations.size === 1 ? [...populations.values()][0] : undefined;
  const keyOf = (population: string | undefined) => (population === undefined ? only : populations.get(population.toLowerCase()));
  const segmentKeys = new Map<string, string | undefined>();
  const lists: MemberList[] = [];
  for (const d of program.definitions) {
    const s = d.statement;
    if (s.kind === 'segment') {
      const key = keyOf(s.population?.text);
      segmentKeys.set(d.name.toLowerCase(), key);
      if (key) lists.push({ name: d.name, key });
    } else if (s.kind === 'partition') {
      const key = keyOf(s.population?.text);
      if (key) for (const part of s.parts) lists.push({ name: `${d.name}.${part.name.text}`, key });
    } else if (s.kind === 'split') {
      // A split of `everyone` has the only population's members; of a part or arm, that one's population.
      const target = s.segment.name?.text.toLowerCase();
      const key = target === undefined ? only : (segmentKeys.get(target) ?? keyOfList(lists, target));
      if (key) for (const arm of s.arms) lists.push({ name: `${d.name}.${arm.name.text}`, key });
    }
  }
  return lists;
}

function keyOfList(lists: MemberList[], prefix: string): string | undefined {
  return lists.find((l) => l.name.toLowerCase().startsWith(`${prefix}.`))?.key;
}

/** The SQL that lists a segment's members from the view its cell made, in key order. */
export function membersSql(list: MemberList): string {
  return `SELECT DISTINCT ${quoteIdentifier(list.key)} FROM ${quoteIdentifier(list.name)} ORDER BY 1`;
}

/** One key per line under the key's name; hashed keys are the hex SHA-256 of the key's text. */
export async function membersCsv(list: MemberList, keys: Value[], hashed: boolean): Promise<string> {
  if (!hashed) return toCsv({ columns: [list.key], rows: keys.map((k) => [k]) });
  const rows = await Promise.all(keys.map(async (k) => [k === null ? null : await sha256Hex(String(k))]));
  return toCsv({ columns: [`sha256(${list.key})`], rows });
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
