// The twenty chart colours: the second ten legible on the light and the dark page, all twenty apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOURS, PALETTE } from '../../src/charts/common.ts';

const CSS = readFileSync(new URL('../../src/ui/page.css', import.meta.url), 'utf8');
const SECOND_TEN = COLOURS.slice(PALETTE.length);
const MIN_CONTRAST = 3;
const MIN_DELTA_E = 15;
/** Dichromats see fewer differences, so this bound is lower; Observable's own ten go down to 2.6. */
const MIN_DELTA_E_DICHROMAT = 7.5;

/** `--seg-bg` in the first `:root` block after `from` in page.css. */
function pageBackground(from: number): string {
  const root = CSS.slice(CSS.indexOf(':root', from));
  const match = /--seg-bg:\s*(#[0-9a-f]{6})\s*;/i.exec(root.slice(0, root.indexOf('}')));
  if (!match) throw new Error('page.css has no --seg-bg in :root');
  return match[1]!;
}
const LIGHT = pageBackground(0);
const DARK = pageBackground(CSS.indexOf('prefers-color-scheme: dark'));

type Vector = [number, number, number];

function linearRgb(hex: string): Vector {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

function luminance(hex: string): number {
  const [r, g, b] = linearRgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** CIELAB (D65) of linear sRGB. */
function lab([r, g, b]: Vector): Vector {
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
  const y = f(0.2126729 * r + 0.7151522 * g + 0.072175 * b);
  const z = f((0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** How a dichromat sees a colour: Machado, Oliveira and Fernandes (2009), severity 1, on linear sRGB. */
function simulate(matrix: readonly Vector[]): (rgb: Vector) => Vector {
  return (rgb) => matrix.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as Vector;
}
const DEUTERANOPIA = simulate([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]]);
const PROTANOPIA = simulate([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]);

/** CIEDE2000 (Sharma, Wu and Dalal 2005). */
function deltaE2000([L1, a1, b1]: Vector, [L2, a2, b2]: Vector): number {
  const rad = Math.PI / 180;
  const meanC = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const [ap1, ap2] = [(1 + g) * a1, (1 + g) * a2];
  const [C1, C2] = [Math.hypot(ap1, b1), Math.hypot(ap2, b2)];
  const hue = (b: number, a: number) => (a === 0 && b === 0 ? 0 : ((Math.atan2(b, a) / rad) + 360) % 360);
  const [h1, h2] = [hue(b1, ap1), hue(b2, ap2)];
  const chromatic = C1 * C2 !== 0;
  let dh = chromatic ? h2 - h1 : 0;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dL = L2 - L1;
  const dC = C2 - C1;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin((dh / 2) * rad);
  const meanL = (L1 + L2) / 2;
  const meanCp = (C1 + C2) / 2;
  let meanH = h1 + h2;
  if (chromatic) meanH = (Math.abs(h1 - h2) > 180 ? meanH + (meanH < 360 ? 360 : -360) : meanH) / 2;
  const t = 1 - 0.17 * Math.cos((meanH - 30) * rad) + 0.24 * Math.cos(2 * meanH * rad) + 0.32 * Math.cos((3 * meanH + 6) * rad) - 0.2 * Math.cos((4 * meanH - 63) * rad);
  const sL = 1 + (0.015 * (meanL - 50) ** 2) / Math.sqrt(20 + (meanL - 50) ** 2);
  const sC = 1 + 0.045 * meanCp;
  const sH = 1 + 0.015 * meanCp * t;
  const rT = -Math.sin(60 * Math.exp(-(((meanH - 275) / 25) ** 2)) * rad) * 2 * Math.sqrt(meanCp ** 7 / (meanCp ** 7 + 25 ** 7));
  return Math.sqrt((dL / sL) ** 2 + (dC / sC) ** 2 + (dH / sH) ** 2 + rT * (dC / sC) * (dH / sH));
}

/** The closest two colours, with a second-ten colour among them when `secondTenOnly`. */
function closest(seen: (rgb: Vector) => Vector, secondTenOnly: boolean): { distance: number; pair: string } {
  let best = { distance: Infinity, pair: '' };
  COLOURS.forEach((a, i) =>
    COLOURS.slice(i + 1).forEach((b) => {
      if (secondTenOnly && !SECOND_TEN.includes(a) && !SECOND_TEN.includes(b)) return;
      const distance = deltaE2000(lab(seen(linearRgb(a))), lab(seen(linearRgb(b))));
      if (distance < best.distance) best = { distance, pair: `${a} ${b}` };
    }),
  );
  return best;
}

describe('palette', () => {
  it('reads both pages’ backgrounds from page.css', () => {
    expect([LIGHT, DARK]).toEqual(['#ffffff', '#0d1117']);
  });

  it('computes CIEDE2000 as its authors’ test data do', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.49, -0.001], [50, -2.49, 0.0009])).toBeCloseTo(7.1792, 4);
    expect(deltaE2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 4);
    expect(deltaE2000([22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619])).toBeCloseTo(2.0373, 4);
  });

  it.each(SECOND_TEN)('%s is at least 3:1 against the light and the dark page', (colour) => {
    expect(contrast(colour, LIGHT)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(colour, DARK)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it(`keeps all twenty colours ΔE2000 ≥ ${MIN_DELTA_E} apart`, () => {
    expect(new Set(COLOURS).size).toBe(20);
    const { distance, pair } = closest((rgb) => rgb, false);
    expect(distance, pair).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });

  it(`keeps each of the second ten ΔE2000 ≥ ${MIN_DELTA_E_DICHROMAT} from every other colour for deuteranopes and protanopes`, () => {
    for (const seen of [DEUTERANOPIA, PROTANOPIA]) {
      const { distance, pair } = closest(seen, true);
      expect(distance, pair).toBeGreaterThanOrEqual(MIN_DELTA_E_DICHROMAT);
    }
  });
});
