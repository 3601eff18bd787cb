import type Router from '@koa/router';
import type { Deps } from './deps.ts';
import { healthRoutes } from './health/health.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { decisionRoutes } from './decisions/decision.routes.ts';
import { planRoutes } from './plans/plan.routes.ts';
import { referenceRoutes } from './reference/reference.routes.ts';

/** Every module's router, in the order they are matched. */
export function allRoutes(deps: Deps): Router[] {
  return [
    healthRoutes(deps),
    planRoutes(deps),
    decisionRoutes(deps),
    referenceRoutes(deps),
    ...authRoutes(deps),
  ];
}
