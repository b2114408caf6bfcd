/**
 * The reporting line: each person's manager inside one organization. Matching later keeps people
 * out of their own reporting line, so the line must stay a tree (no one managing themselves,
 * directly or through others).
 */
export type ManagerOf = ReadonlyMap<string, string | null>;

/** The chain above a person, nearest manager first. Stops at a cycle rather than looping. */
export function managerChain(managerOf: ManagerOf, personId: string): string[] {
  const chain: string[] = [];
  const seen = new Set([personId]);
  let current = managerOf.get(personId) ?? null;
  while (current && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = managerOf.get(current) ?? null;
  }
  return chain;
}

/** True when making `managerId` the manager of `personId` would close a loop. */
export function wouldCreateCycle(managerOf: ManagerOf, personId: string, managerId: string): boolean {
  if (managerId === personId) return true;
  return managerChain(managerOf, managerId).includes(personId);
}

/** Whether two people sit in one reporting line (either manages the other, at any distance). */
export function inSameReportingLine(managerOf: ManagerOf, a: string, b: string): boolean {
  return managerChain(managerOf, a).includes(b) || managerChain(managerOf, b).includes(a);
}
