import type Router from '@koa/router';
import type { Deps } from '../deps.ts';
import { commentActionRoutes } from './comment-actions.routes.ts';
import { commentErasureRoutes } from './comment-erasure.routes.ts';
import { commentInboxRoutes } from './comment-inbox.routes.ts';
import { commentPublicRoutes } from './comment-public.routes.ts';

/** The public form and the staff inbox, for src/routes.ts. The inbox (with export.csv) comes before /:id. */
export function commentRoutes(deps: Pick<Deps, 'comments' | 'decisions' | 'config' | 'clock'>): Router[] {
  return [commentPublicRoutes(deps), commentInboxRoutes(deps), commentErasureRoutes(deps), commentActionRoutes(deps)];
}
