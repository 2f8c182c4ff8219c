/**
 * One colour per segment across a notebook, so `big` is the same blue in every chart and an
 * analyst can read one chart against another. Segments, partition parts and split arms take the
 * colours in the order the notebook defines them, and then keep them while the notebook is open:
 * a definition added anywhere takes a colour no other has, and recolours no chart drawn before. The
 * whole population (`everyone`, or a population's own name) is always the mid-tone grey, which no
 * segment takes.
 */
import { COLOURS, GREYS } from './common.ts';

const WHOLE_POPULATION = GREYS[0]!;
const SEGMENT_COLOURS = COLOURS.filter((colour) => !GREYS.includes(colour));

export class SegmentColours {
  /** Colours no name has first: names the notebook does not define take them before any other. */
  private readonly spare: readonly string[];

  /** Keyed by lower-case name: names are case-insensitive, and results spell them as defined. */
  private constructor(private readonly byName: ReadonlyMap<string, string>) {
    const taken = new Set(byName.values());
    this.spare = [...COLOURS.filter((c) => !taken.has(c)), ...COLOURS.filter((c) => taken.has(c))];
  }

  /**
   * `segments`: display names (`name`, `partition.part`, `split.arm`) in definition order;
   * `populations`: names meaning the whole population. A name `kept` colours keeps its colour; the
   * others take, in order, the colours no kept name has (past twenty segments colours repeat).
   */
  static inOrder(segments: readonly string[], populations: readonly string[] = [], kept?: SegmentColours): SegmentColours {
    const byName = new Map<string, string>();
    for (const name of ['everyone', ...populations]) byName.set(name.toLowerCase(), WHOLE_POPULATION);
    const taken = new Set<string>();
    const fresh: string[] = [];
    for (const name of segments) {
      const key = name.toLowerCase();
      if (byName.has(key)) continue;
      const colour = kept?.of(key);
      if (colour === undefined || colour === WHOLE_POPULATION || taken.has(colour)) {
        fresh.push(key);
        byName.set(key, '');
      } else {
        byName.set(key, colour);
        taken.add(colour);
      }
    }
    const free = SEGMENT_COLOURS.filter((colour) => !taken.has(colour));
    fresh.forEach((key, i) => byName.set(key, i < free.length ? free[i]! : SEGMENT_COLOURS[(taken.size + i) % SEGMENT_COLOURS.length]!));
    return new SegmentColours(byName);
  }

  /** The notebook's colour for `name`, if it knows the name. */
  of(name: string): string | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The same colours, each alias taking its name's: a split's own result names its arms bare (`control` for `test.control`). */
  withAliases(aliases: Iterable<readonly [alias: string, name: string]>): SegmentColours {
    const byName = new Map(this.byName);
    for (const [alias, name] of aliases) {
      const colour = this.of(name);
      if (colour) byName.set(alias.toLowerCase(), colour);
    }
    return new SegmentColours(byName);
  }

  /**
   * The colours of names drawn in one chart: each name its own, and names without one (or whose
   * colour an earlier name in the chart has, past twenty segments) the spare colours left, so
   * two names in one chart never share a colour while there are colours to go round.
   */
  fills(names: readonly string[]): string[] {
    const used = new Set<string>();
    const own = names.map((name) => {
      const colour = this.of(name);
      if (colour === undefined || used.has(colour)) return undefined;
      used.add(colour);
      return colour;
    });
    const left = this.spare.filter((c) => !used.has(c));
    const pool = left.length > 0 ? left : COLOURS;
    let next = 0;
    return own.map((colour) => colour ?? pool[next++ % pool.length]!);
  }

  /** Whether both give every name the same colour: a chart drawn with one need not be drawn again with the other. */
  equals(other: SegmentColours): boolean {
    return this.byName.size === other.byName.size && [...this.byName].every(([name, colour]) => other.byName.get(name) === colour);
  }
}
