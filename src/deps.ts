import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import type { Clock } from './lib/clock.ts';
import { createMailer } from './mail/outbox.service.ts';
import { createAuth } from './auth/auth.ts';
import { createDecisionService } from './decisions/decision.service.ts';
import { createPlanService } from './plans/plan.service.ts';
import { createCouncilService } from './reference/council.service.ts';
import { createReferenceDataService } from './reference/reference.service.ts';

/**
 * The composition root: data access → services. createApp, the CLI, the scheduler and the
 * tests all build their world through this one function.
 */
export function createDeps(config: Config, db: Db, clock: Clock) {
  return {
    config,
    db,
    clock,
    mail: createMailer(config, db, clock),
    council: createCouncilService(db),
    referenceData: createReferenceDataService(db),
    decisions: createDecisionService(db),
    plans: createPlanService(db),
    auth: createAuth(config, db, clock),
  };
}

export type Deps = ReturnType<typeof createDeps>;
