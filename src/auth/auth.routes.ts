import type Router from '@koa/router';
import type { Deps } from '../deps.ts';
import { signInRoutes } from './sign-in.routes.ts';
import { staffHomeRoutes } from './staff-home.routes.ts';
import { userAdminRoutes } from './users.routes.ts';

/** Sign-in, the staff home and staff accounts, for src/routes.ts. */
export function authRoutes(deps: Pick<Deps, 'auth' | 'clock'>): Router[] {
  return [signInRoutes(deps), staffHomeRoutes(), userAdminRoutes(deps)];
}
