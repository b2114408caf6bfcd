import { SMTPServer } from 'smtp-server';
import type { TestApp } from './app.ts';

/** The newest outbox message to an address (dev mode keeps every message there). */
export async function lastMailTo(t: TestApp, email: string) {
  const row = await t.context.db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('to_email', '=', email.toLowerCase())
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!row) throw new Error(`no mail to ${email} in the outbox`);
  return row;
}

/** The token of the first link in a message whose URL contains `path` (…/path?token=X or …/path/X). */
export function tokenFromLink(text: string, path: string): string {
  const link = text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(path));
  if (!link) throw new Error(`no ${path} link in:\n${text}`);
  const url = new URL(link);
  return url.searchParams.get('token') ?? url.pathname.split('/').pop()!;
}

export interface ReceivedMail {
  from: string;
  to: string[];
  headers: Record<string, string>;
  /** The decoded text body. */
  text: string;
}

export interface SmtpReceiver {
  port: number;
  /** For config.smtpUrl. */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first message (already received or still to come) to the address. */
  nextMailTo(email: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a random localhost port: Cairn's mail goes through nodemailer and the
 * network exactly as in production. No STARTTLS is offered, so the client speaks plain SMTP.
 */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const waiters: { email: string; resolve: (mail: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.mailFrom ? session.envelope.mailFrom.address : '', session.envelope.rcptTo.map((r) => r.address));
        received.push(mail);
        for (const waiter of [...waiters]) {
          if (mail.to.includes(waiter.email)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    nextMailTo(email, timeoutMs = 10_000) {
      const already = received.find((mail) => mail.to.includes(email));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${email} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ email, resolve: (mail) => { clearTimeout(timer); resolve(mail); } });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Enough of RFC 5322/MIME for Cairn's single-part text mail: headers, quoted-printable or base64 body. */
function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let text: string;
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    text = Buffer.from(bytes, 'latin1').toString('utf8');
  } else if (encoding === 'base64') {
    text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  } else {
    text = body;
  }
  return { from, to, headers, text: text.replace(/\r\n/g, '\n') };
}
