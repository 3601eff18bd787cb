import type { Transaction } from 'kysely';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/create-db.ts';
import type { Database } from '../db/database.ts';
import { resolveSecretKey } from '../http/csrf.ts';
import { createTemplates } from '../http/render.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../mail/outbox.service.ts';
import { alertHousekeeping } from './alert-housekeeping.ts';
import { createManageService } from './alert-manage.service.ts';
import type { AlertOccasion } from './alert-occasion.repository.ts';
import { queueAlertsFor, type AlertQueueResult } from './alert-queue.service.ts';
import { createSubscribeService } from './alert-subscribe.service.ts';

export type { AlertOccasion } from './alert-occasion.repository.ts';

/** What a change that causes alerts needs: call it inside that change's transaction. */
export interface AlertQueue {
  queueAlertsFor(trx: Transaction<Database>, occasion: AlertOccasion): Promise<AlertQueueResult>;
}

/** Email alerts: `deps.alerts`. */
export function createAlerts(
  config: Pick<Config, 'baseUrl' | 'alertsUnsubscribeMailbox' | 'secretKey'>,
  db: Db,
  clock: Clock,
  mail: Pick<Mailer, 'enqueue' | 'forget'>,
) {
  // Emails are rendered outside any request, with the same loader and autoescaping as pages.
  const templates = createTemplates();
  const queueContext = { baseUrl: config.baseUrl, clock, mail, templates, unsubscribeMailbox: config.alertsUnsubscribeMailbox };
  return {
    /**
     * After a publication ({ kind: 'publication', planId }), outcomes ({ kind: 'outcome',
     * eventIds }) or notices published ({ kind: 'notice', eventIds }): one message per
     * subscriber address, queued in `trx`, so it is sent if and only if the change commits.
     */
    queueAlertsFor: (trx: Transaction<Database>, occasion: AlertOccasion) => queueAlertsFor(trx, occasion, queueContext),
    subscriptions: createSubscribeService({ db, clock, mail, templates, baseUrl: config.baseUrl, secretKey: resolveSecretKey(config.secretKey) }),
    manage: createManageService({ db, mail }),
    /** The daily job: expired requests, old rate-limit records and year-old links. */
    housekeeping: () => alertHousekeeping(db, clock, mail),
  } satisfies AlertQueue & Record<string, unknown>;
}

export type Alerts = ReturnType<typeof createAlerts>;
