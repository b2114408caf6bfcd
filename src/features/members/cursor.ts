import { invalidField } from '../../platform/http/problem.ts';

/**
 * Where a page of the directory starts: just after (or just before, going back) one member in
 * directory order (lower-cased name, then person id). The client passes it back unread, so a page
 * deep in a large organization is an index range, not a count of everyone ahead of it.
 */
export interface DirectoryCursor {
  direction: 'after' | 'before';
  sortName: string;
  personId: string;
}

export function encodeCursor(cursor: DirectoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.direction === 'after' ? 'a' : 'b', cursor.sortName, cursor.personId])).toString('base64url');
}

/** A cursor this API did not give (or mangled on the way) is the client's mistake: a 400 naming it. */
export function decodeCursor(text: string, field = 'query.cursor'): DirectoryCursor {
  const refuse = () => invalidField(field, 'is not a page position given by this list; start again from the first page');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw refuse();
  const [direction, sortName, personId] = parsed as unknown[];
  if ((direction !== 'a' && direction !== 'b') || typeof sortName !== 'string' || typeof personId !== 'string' || sortName.length > 400 || personId.length > 64) throw refuse();
  return { direction: direction === 'a' ? 'after' : 'before', sortName, personId };
}
