import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * What the outcome service needs from email alerts (`deps.alerts`, src/alerts/alerts.ts):
 * queue the alerts for the taken or withdrawn events inside the transaction that records them,
 * so subscribers are told if and only if the outcome commits.
 */
export interface OutcomeAlerts {
  queueAlertsFor(trx: Transaction<Database>, occasion: { kind: 'outcome'; eventIds: number[] }): Promise<unknown>;
}
