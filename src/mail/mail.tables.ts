import type { ColumnType, Generated } from 'kysely';
import type { OptionalTimestamp } from '../db/column-types.ts';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMessageTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: ColumnType<Record<string, string>, string | undefined, string>;
  kind: string;
  dedupe_key: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: OptionalTimestamp;
  lease_until: OptionalTimestamp;
  last_error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  sent_at: OptionalTimestamp;
}

/** The tables mail/ keeps: the outbox. */
export interface MailTables {
  outbox_messages: OutboxMessageTable;
}
