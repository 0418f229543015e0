/**
 * What the phone remembers (localStorage): the wishes this resident posted, as {id, token}
 * (the token is the resident's secret for one wish), and the place last chosen on the wall.
 */
export interface WishTicket { id: string; token: string }
export type Place = { gridId: string } | { villageId: string };

const TICKETS = 'dj-wish-tickets';
const PLACE = 'dj-wish-place';

function read<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function loadTickets(): WishTicket[] {
  const v = read<unknown>(TICKETS);
  if (!Array.isArray(v)) return [];
  return v.filter((t): t is WishTicket => !!t && typeof t.id === 'string' && typeof t.token === 'string').slice(0, 50);
}

/** Adds or replaces tickets by wish id (newest first; at most 50, what the server accepts). */
export function saveTickets(add: WishTicket[]): WishTicket[] {
  const byId = new Map<string, WishTicket>();
  for (const t of [...add, ...loadTickets()]) if (!byId.has(t.id)) byId.set(t.id, t);
  const all = [...byId.values()].slice(0, 50);
  try {
    localStorage.setItem(TICKETS, JSON.stringify(all));
  } catch {
    /* storage full or blocked: the lookup by phone still works */
  }
  return all;
}

/** The place from the URL (?gridId= / ?villageId=), else the one remembered. */
export function loadPlace(): Place | undefined {
  const q = new URLSearchParams(window.location.search);
  const gridId = q.get('gridId');
  const villageId = q.get('villageId');
  if (gridId && /^\d+$/.test(gridId)) return { gridId };
  if (villageId && /^\d+$/.test(villageId)) return { villageId };
  const saved = read<Place>(PLACE);
  if (saved && 'gridId' in saved && typeof saved.gridId === 'string') return { gridId: saved.gridId };
  if (saved && 'villageId' in saved && typeof saved.villageId === 'string') return { villageId: saved.villageId };
  return undefined;
}

/** Remembers the place and writes it into the URL, so the address can be shared or bookmarked. */
export function savePlace(place: Place): void {
  try {
    localStorage.setItem(PLACE, JSON.stringify(place));
  } catch {
    /* ignore */
  }
  const url = new URL(window.location.href);
  url.searchParams.delete('gridId');
  url.searchParams.delete('villageId');
  if ('gridId' in place) url.searchParams.set('gridId', place.gridId);
  else url.searchParams.set('villageId', place.villageId);
  window.history.replaceState(null, '', url);
}
