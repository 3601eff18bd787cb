import type { Db } from '../db/create-db.ts';
import type { Deps } from '../deps.ts';
import { followUpDecisions } from '../decisions/staff/follow-up.ts';
import { today } from '../lib/clock.ts';
import { addDays } from '../lib/dates.ts';
import type { OutgoingMail } from '../mail/outgoing-mail.ts';
import { latestPlan } from '../plans/plan.repository.ts';
import { dailyAt, fortnightlyAt } from '../scheduler/schedule.ts';
import type { Job } from '../scheduler/scheduler.ts';
import { followUpMail, publicationSummaryMail, type StaffMail } from './publication-mail.ts';
import { publisherAddresses } from './publication.repository.ts';
import type { PublishOutcome } from './publication.service.ts';

type JobDeps = Pick<Deps, 'config' | 'publication' | 'mail'>;

/** A plan published this many days before a slot (or since) counts as that slot's plan. */
const EARLY_PUBLICATION_DAYS = 6;

/**
 * Every other PUBLICATION_ANCHOR weekday at PUBLICATION_TIME: prepares the next plan, dated the
 * day it runs (a run caught up late dates it then, since notice runs from actual publication),
 * publishes it when AUTO_PUBLISH is on and it breaks no rule, and emails the publishers the
 * summary. The scheduler runs each slot once across instances; the dedupe keys make the email
 * once per slot and address even so.
 */
export function fortnightlyPublicationJob(deps: JobDeps): Job {
  const { config, publication } = deps;
  return {
    name: 'plan-publication',
    schedule: fortnightlyAt({ anchor: config.publicationAnchor, time: config.publicationTime }),
    async run({ scheduledFor, db, clock }) {
      const date = today(clock);
      const latest = await latestPlan(db);
      if (latest && latest.published_on >= addDays(date, -EARLY_PUBLICATION_DAYS)) {
        return `the plan dated ${latest.published_on} is this fortnight's; nothing prepared`;
      }
      const prepared = await publication.prepare(date);
      let outcome: PublishOutcome | null = null;
      if (config.autoPublish && prepared.breaches.length === 0 && prepared.blocker === null && prepared.summary.entries > 0) {
        outcome = await publication.publish({ publishedOn: date, userId: null });
      }
      const sent = await mailPublishers(db, deps, publicationSummaryMail(prepared, outcome, config.baseUrl), 'publication-summary', scheduledFor);
      const { summary } = prepared;
      return [
        `prepared the plan dated ${date}: ${summary.entries} entries (${summary.newEntries} new), ${summary.breaches} breach(es)`,
        outcome ? (outcome.status === 'published' ? 'published' : `not published (${outcome.status})`) : 'not published',
        `summary queued for ${sent} address(es)`,
      ].join('; ');
    },
  };
}

/** Daily at PUBLICATION_TIME: the decisions past their expected date with no outcome, if any. */
export function followUpJob(deps: JobDeps): Job {
  return {
    name: 'decision-follow-up',
    schedule: dailyAt(deps.config.publicationTime),
    async run({ scheduledFor, db, clock }) {
      const items = await followUpDecisions(db, clock);
      if (items.length === 0) return 'no decision to follow up';
      const sent = await mailPublishers(db, deps, followUpMail(items, today(clock), deps.config.baseUrl), 'decision-follow-up', scheduledFor);
      return `${items.length} decision(s) to follow up; list queued for ${sent} address(es)`;
    },
  };
}

async function mailPublishers(db: Db, deps: JobDeps, mail: StaffMail, kind: string, slot: Date) {
  const addresses = new Set(await publisherAddresses(db));
  if (deps.config.publishersEmail) addresses.add(deps.config.publishersEmail);
  await db.transaction().execute(async (trx) => {
    for (const to of addresses) {
      const message: OutgoingMail = { to, ...mail, kind, dedupeKey: `${kind}:${slot.toISOString()}:${to}` };
      await deps.mail.enqueue(trx, message);
    }
  });
  return addresses.size;
}
