import crypto from 'node:crypto';

export const newId = (): string => crypto.randomUUID();

/** A secret for a link or cookie: 32 random bytes, URL-safe. */
export const newSecret = (): string => crypto.randomBytes(32).toString('base64url');

/** Secrets are stored only as their SHA-256, so a copy of the database opens nothing. */
export const hashSecret = (secret: string): string => crypto.createHash('sha256').update(secret).digest('hex');

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const nowIso = (): string => new Date().toISOString();

export const isoAfter = (ms: number, from: Date = new Date()): string => new Date(from.getTime() + ms).toISOString();
