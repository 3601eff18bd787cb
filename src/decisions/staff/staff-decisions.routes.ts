import type Router from '@koa/router';
import type { Deps } from '../../deps.ts';
import { dashboardRoutes } from './dashboard.routes.ts';
import { decisionFormRoutes } from './decision-form.routes.ts';
import { decisionListRoutes } from './decision-list.routes.ts';
import { decisionPageRoutes } from './decision-page.routes.ts';
import { exceptionRoutes } from './exception.routes.ts';
import { outcomeRoutes } from './outcome.routes.ts';
import { takenRoutes } from './taken.routes.ts';

/**
 * The staff pages for keeping decisions up to date, for src/routes.ts. Order matters: the fixed paths
 * (/admin/decisions/new, /follow-up) come before /admin/decisions/:id.
 */
export function staffDecisionRoutes(deps: Pick<Deps, 'staffDecisions' | 'audit' | 'clock' | 'decisions' | 'referenceData' | 'reports' | 'settings'>): Router[] {
  return [
    decisionListRoutes(deps),
    decisionFormRoutes(deps),
    decisionPageRoutes(deps),
    takenRoutes(deps),
    outcomeRoutes(deps),
    exceptionRoutes(deps),
    dashboardRoutes(deps),
  ];
}
