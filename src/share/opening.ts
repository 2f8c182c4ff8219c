/**
 * What the page opens with: a notebook shared in the address's fragment, else the notebook open
 * last in this browser, else the sample. A shared notebook is kept in this browser at once and the
 * fragment is dropped from the address, so a reload reopens the kept copy with its edits.
 */
import { NotebookSession } from '../storage/notebook-session.ts';
import type { Outcome } from './file-actions.ts';
import { isSharedFragment, readSharedFragment } from './link.ts';

export async function openingSession(fallback: string): Promise<{ session: NotebookSession; outcome: Outcome }> {
  const session = await NotebookSession.restore(fallback);
  return { session, outcome: await openSharedLink(session) };
}

/** Opens the notebook the address's fragment carries, if it carries one. */
export async function openSharedLink(session: NotebookSession): Promise<Outcome> {
  if (!isSharedFragment(location.hash)) return undefined;
  const shared = readSharedFragment(location.hash);
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  if (!shared.ok) return shared;
  await session.open(shared.text, { keep: true });
  return { ok: true, message: 'Opened the notebook from the link and kept it in this browser. The link carries no data.' };
}
