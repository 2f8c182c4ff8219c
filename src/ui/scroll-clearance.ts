/**
 * The notebook's toolbar sticks to the top of the page, over whatever scrolls under it. The page
 * keeps that much room at its top when it scrolls something into view (a control reached with
 * Tab, a cell moved to), so the focused control is never hidden behind the toolbar. The toolbar
 * wraps onto more lines in a narrow window: its height is followed, not assumed.
 */
const MARGIN_PX = 8;

export function keepClearOf(toolbar: HTMLElement): () => void {
  const root = document.documentElement;
  const observer = new ResizeObserver(() => {
    root.style.scrollPaddingTop = `${Math.ceil(toolbar.getBoundingClientRect().height) + MARGIN_PX}px`;
  });
  observer.observe(toolbar);
  return () => {
    observer.disconnect();
    root.style.scrollPaddingTop = '';
  };
}
