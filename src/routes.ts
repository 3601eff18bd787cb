import type Router from '@koa/router';
import type { Deps } from './deps.ts';
import { healthRoutes } from './health/health.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { decisionRoutes } from './decisions/decision.routes.ts';
import { planRoutes } from './plans/plan.routes.ts';
import { referenceDataRoutes } from './decisions/decisions-by-entity.routes.ts';
import { noticeRoutes } from './decisions/notices/notices.routes.ts';
import { referenceDataAdminRoutes } from './reference-data/admin/reference-data-admin.routes.ts';
import { feedRoutes } from './feeds/feeds.routes.ts';
import { subscribeRoutes } from './feeds/subscribe.routes.ts';
import { alertRoutes } from './alerts/alerts.routes.ts';
import { staffDecisionRoutes } from './decisions/staff/staff-decisions.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { publicationRoutes } from './publication/publication.routes.ts';
import { commentRoutes } from './comments/comment.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { regulation18Routes } from './reports/regulation-18.routes.ts';

/** Every module's router, in the order they are matched. */
export function allRoutes(deps: Deps): Router[] {
  return [
    healthRoutes(deps),
    planRoutes(deps),
    decisionRoutes(deps),
    noticeRoutes(deps),
    referenceDataRoutes(deps),
    feedRoutes(deps),
    subscribeRoutes(deps),
    ...alertRoutes(deps),
    ...authRoutes(deps),
    ...staffDecisionRoutes(deps),
    auditRoutes(deps),
    publicationRoutes(deps),
    ...commentRoutes(deps),
    reportRoutes(deps),
    regulation18Routes(deps),
    ...referenceDataAdminRoutes(deps),
  ];
}
