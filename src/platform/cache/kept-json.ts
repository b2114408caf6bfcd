/**
 * A kept answer as sent (platform/http/kept-reply.ts): its bytes, so that they are not encoded
 * again on every request.
 */
export interface KeptJson {
  json: Buffer;
  /** The same bytes gzipped, once a client has asked for them (large answers only). */
  gzipped: Buffer | null;
}
