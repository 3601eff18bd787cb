import type Router from '@koa/router';
import type { Deps } from './deps.ts';
import { healthRoutes } from './health/health.routes.ts';

/** Every module's router, in the order they are matched. */
export function allRoutes(deps: Deps): Router[] {
  return [
    healthRoutes(deps),
  ];
}
