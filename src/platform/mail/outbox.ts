import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.ts';
import { newId, nowIso } from '../ids.ts';

export interface OutgoingMail {
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
}

/**
 * All mail is written to the outbox inside the command's transaction, so a rolled-back command
 * sends nothing; delivery happens after commit. Without SMTP the outbox is the dev mailbox:
 * messages stay there (status "dev"), admins read them and the log prints them.
 */
export class Mailer {
  private transport: Transporter | null;
  private delivering: Promise<void> | null = null;
  /** Set when mail is queued while a batch is running: that batch may have looked already. */
  private deliverAgain = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    smtpUrl: string | undefined,
    private readonly from: string,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  get devMode(): boolean {
    return this.transport === null;
  }

  async queue(db: Kysely<Database>, mail: OutgoingMail): Promise<void> {
    const id = newId();
    await db
      .insertInto('outbox_messages')
      .values({
        id, org_id: mail.orgId, to_email: mail.to, subject: mail.subject, body_text: mail.text,
        status: this.transport ? 'pending' : 'dev', attempts: 0, last_error: null, created_at: nowIso(), sent_at: null,
      })
      .execute();
    if (!this.transport) {
      this.log.info({ to: mail.to, subject: mail.subject }, `dev outbox (no SMTP configured):\n${mail.text}`);
    }
  }

  /** Sends what is pending; safe to call from several processes (each message is claimed once). */
  deliverPending(): Promise<void> {
    if (!this.transport) return Promise.resolve();
    if (this.delivering) {
      this.deliverAgain = true;
      return this.delivering;
    }
    this.delivering = (async () => {
      try {
        do {
          this.deliverAgain = false;
          await this.deliverBatch();
        } while (this.deliverAgain);
      } finally {
        this.delivering = null;
      }
    })();
    return this.delivering;
  }

  private async deliverBatch(): Promise<void> {
    const pending = await this.db
      .selectFrom('outbox_messages')
      .select(['id', 'to_email', 'subject', 'body_text', 'attempts'])
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .limit(50)
      .execute();
    for (const message of pending) {
      const claimed = await this.db
        .updateTable('outbox_messages')
        .set({ status: 'sending', attempts: message.attempts + 1 })
        .where('id', '=', message.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      try {
        await this.transport!.sendMail({ from: this.from, to: message.to_email, subject: message.subject, text: message.body_text });
        await this.db.updateTable('outbox_messages').set({ status: 'sent', sent_at: nowIso(), last_error: null }).where('id', '=', message.id).execute();
      } catch (error) {
        const failedForGood = message.attempts + 1 >= 5;
        this.log.warn({ err: error, to: message.to_email }, 'mail delivery failed');
        await this.db
          .updateTable('outbox_messages')
          .set({ status: failedForGood ? 'failed' : 'pending', last_error: String((error as Error).message).slice(0, 500) })
          .where('id', '=', message.id)
          .execute();
      }
    }
  }

  close(): void {
    this.transport?.close();
  }
}
