/**
 * Getting a result out of the page, offline: the clipboard, and files made in the page (CSV,
 * the chart as one SVG, and as PNG drawn from that SVG on a canvas). A chart may be several
 * SVGs laid out by CSS (small multiples, UpSet's parts); the export places each where it sits.
 */
import { plural } from './format.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PNG_SCALE = 2;
/** Room around the chart in the picture: labels may reach a little past the charts' boxes. */
const PADDING = 12;

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

/** One standalone SVG of everything drawn in `container`, in the colours it has on the page now. */
export function chartImage(container: Element): ChartImage {
  const box = container.getBoundingClientRect();
  const style = getComputedStyle(container);
  const width = Math.ceil(box.width) + 2 * PADDING;
  const height = Math.ceil(box.height) + 2 * PADDING;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  // currentColor and inherited fonts mean nothing outside the page: write down what they are here.
  out.setAttribute('style', `color: ${style.color}; font-family: ${style.fontFamily}; font-size: ${style.fontSize}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', pageBackground(container));
  out.appendChild(background);
  for (const svg of outermostSvgs(container)) {
    const rect = svg.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', String(rect.left - box.left + PADDING));
    copy.setAttribute('y', String(rect.top - box.top + PADDING));
    copy.setAttribute('width', String(rect.width));
    copy.setAttribute('height', String(rect.height));
    copy.setAttribute('color', getComputedStyle(svg).color);
    // Labels may reach past a chart's own box (as they may on the page): nested SVGs would clip them.
    copy.setAttribute('overflow', 'visible');
    // Sizes the page's CSS gave it (max-width, height: auto) would fight the placement above.
    for (const property of ['display', 'max-width', 'height', 'width']) copy.style.removeProperty(property);
    out.appendChild(copy);
  }
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`, width, height };
}

/** The SVG drawn at twice its size on a canvas (sharp on high-density screens), as a PNG. */
export async function pngOf(image: ChartImage): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' }));
  try {
    const picture = new Image();
    picture.src = url;
    await picture.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width * PNG_SCALE;
    canvas.height = image.height * PNG_SCALE;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.scale(PNG_SCALE, PNG_SCALE);
    context.drawImage(picture, 0, 0, image.width, image.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be made into a PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob made in the page as a file (no request leaves the page). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started once click() returns, but some browsers read the URL a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** How long a result's status line (copied, saved) stays: long enough to read, gone before it misleads. */
export const STATUS_MS = 4000;

/** What copying a table says, the same from the Copy button as from Ctrl/Cmd+C on the table. */
export function copiedMessage(rows: number): string {
  return `copied ${plural(rows, 'row')}`;
}

/** The async clipboard where the page may use it; the selection-and-copy command elsewhere. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Permission refused or the page is not focused: the older command may still work.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser did not allow copying');
}

function outermostSvgs(container: Element): SVGSVGElement[] {
  return [...container.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
}

/** The first ancestor background that is not transparent, or white. */
function pageBackground(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}
