import type Router from '@koa/router';
import type { Deps } from '../deps.ts';
import { alertLinkRoutes } from './alert-links.routes.ts';
import { alertNewRoutes } from './alert-new.routes.ts';

/** The email alert pages, for src/routes.ts. */
export function alertRoutes(deps: Pick<Deps, 'alerts' | 'decisions'>): Router[] {
  return [alertNewRoutes(deps), alertLinkRoutes(deps)];
}
