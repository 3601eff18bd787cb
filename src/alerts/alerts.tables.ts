import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/column-types.ts';

/** Email alerts. `email` is personal data, lower-cased; tokens are SHA-256 hashes (hex). */
export interface AlertSubscriptionTable {
  id: Generated<number>;
  email: string;
  /** SHA-256 (hex) of `email`: how the other alert tables refer to the address. */
  address_hash: string;
  /** The normalised DecisionFilters of /decisions (src/alerts/alert-filters.ts). */
  filters: ColumnType<Record<string, string | string[]>, string, string>;
  confirm_token_hash: string;
  created_at: Timestamp;
  confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Set while unconfirmed, null once confirmed. */
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface AlertManageTokenTable {
  token_hash: string;
  address_hash: string;
  created_at: Timestamp;
}

export interface AlertNotifiedEventTable {
  address_hash: string;
  event_id: number;
  notified_at: Timestamp;
}

export interface AlertRequestAttemptTable {
  id: Generated<number>;
  address_hash: string;
  client_key: string;
  attempted_at: Timestamp;
}

/** The tables alerts/ keeps: subscriptions, manage links, what was sent, and the request limit. */
export interface AlertTables {
  alert_subscriptions: AlertSubscriptionTable;
  alert_manage_tokens: AlertManageTokenTable;
  alert_notified_events: AlertNotifiedEventTable;
  alert_request_attempts: AlertRequestAttemptTable;
}
