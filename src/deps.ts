import type { Config } from './config/config.ts';
import type { Db, DbHandle } from './db/create-db.ts';
import type { Clock } from './lib/clock.ts';
import { createMailer } from './mail/outbox.service.ts';
import { createAlerts } from './alerts/alerts.ts';
import { createAuth } from './auth/auth.ts';
import { createDecisionService } from './decisions/decision.service.ts';
import { createPlanService } from './plans/plan.service.ts';
import { createCouncilService } from './reference-data/council.service.ts';
import { createCouncilSettingsService } from './reference-data/council-settings.service.ts';
import { createReferenceDataService } from './reference-data/reference-data.service.ts';
import { changeSourceFor, createChangeWatcher } from './db/change-watcher.ts';
import { createFeedService } from './feeds/feeds.service.ts';
import { createPublicationService } from './publication/publication.service.ts';
import { createPlanPdfs } from './plans/outputs/plan-pdfs.ts';
import { createStaffDecisionService } from './decisions/staff/staff-decisions.service.ts';
import { createAuditService } from './audit/audit.service.ts';
import { createComments } from './comments/comments.ts';
import { createReportService } from './reports/reports.service.ts';

/**
 * The composition root: data access → services. createApp, the CLI, the scheduler and the
 * tests all build their world through this one function. `handle`: where changes to the public
 * data are heard (LISTEN on its server, and this process's own commits); without it, caches of
 * public pages and feeds fall back to a short lifetime.
 */
export function createDeps(config: Config, db: Db, clock: Clock, handle?: Partial<Pick<DbHandle, 'url' | 'onWrite'>>) {
  const mail = createMailer(config, db, clock);
  const changes = createChangeWatcher(changeSourceFor(handle), db);
  const alerts = createAlerts(config, db, clock, mail);
  const council = createCouncilService(db);
  // The one cache of the council's settings: every rule reads it, /admin/settings forgets it.
  const settings = createCouncilSettingsService(db);
  const plans = createPlanService(db);
  const decisions = createDecisionService(db, clock, settings);
  return {
    config,
    db,
    clock,
    mail,
    alerts,
    council,
    settings,
    referenceData: createReferenceDataService(db),
    decisions,
    plans,
    // Its worker thread starts at the first PDF request and stops when idle; close() stops it at once.
    planPdfs: createPlanPdfs({ plans, council }),
    auth: createAuth(config, db, clock),
    staffDecisions: createStaffDecisionService(db, clock, alerts, settings),
    audit: createAuditService(db),
    comments: createComments(config, db, clock, mail, council),
    publication: createPublicationService({ db, clock, alerts, settings }),
    changes,
    feeds: createFeedService(config, db, changes, decisions),
    reports: createReportService(db, clock, council),
  };
}

export type Deps = ReturnType<typeof createDeps>;
