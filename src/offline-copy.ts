/**
 * After the first visit the app works without a network: a built app registers its service
 * worker (dist/sw.js, written by scripts/vite/offline-copy.ts), which keeps a copy of every file
 * the app needs. The development server has no sw.js, so nothing is registered there.
 */
export function keepOfflineCopy(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Where the browser refuses (private windows, a blocked storage), the app still works online;
  // there is nothing the analyst could do about it, so it is not worth a message.
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { type: 'classic' }).catch(() => undefined);
}
