import type Router from '@koa/router';
import type { Deps } from './deps.ts';
import { healthRoutes } from './health/health.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { decisionRoutes } from './decisions/decision.routes.ts';
import { planRoutes } from './plans/plan.routes.ts';
import { referenceRoutes } from './reference/reference.routes.ts';
import { referenceAdminRoutes } from './reference/admin/reference-admin.routes.ts';
import { feedRoutes } from './feeds/feeds.routes.ts';
import { subscribeRoutes } from './feeds/subscribe.routes.ts';
import { alertRoutes } from './alerts/alerts.routes.ts';
import { keepingRoutes } from './decisions/staff/keeping.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { publicationRoutes } from './publication/publication.routes.ts';
import { commentRoutes } from './comments/comment.routes.ts';

/** Every module's router, in the order they are matched. */
export function allRoutes(deps: Deps): Router[] {
  return [
    healthRoutes(deps),
    planRoutes(deps),
    decisionRoutes(deps),
    referenceRoutes(deps),
    feedRoutes(deps),
    subscribeRoutes(deps),
    ...alertRoutes(deps),
    ...authRoutes(deps),
    ...keepingRoutes(deps),
    auditRoutes(deps),
    publicationRoutes(deps),
    ...commentRoutes(deps),
    ...referenceAdminRoutes(deps),
  ];
}
