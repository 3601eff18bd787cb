import type Router from '@koa/router';
import type { Deps } from '../../deps.ts';
import { aliasAdminRoutes } from './alias-admin.routes.ts';
import { councilAdminRoutes } from './council-admin.routes.ts';
import { entityAdminRoutes } from './entity-admin.routes.ts';
import { mergeAdminRoutes } from './merge-admin.routes.ts';
import { overviewRoutes } from './overview.routes.ts';
import { portfolioAdminRoutes } from './portfolio-admin.routes.ts';
import { createReferenceDataAdmin } from './reference-data-admin.ts';
import { settingsAdminRoutes } from './settings-admin.routes.ts';

/** Every /admin/reference page and /admin/settings (administrators only), for src/routes.ts. */
export function referenceDataAdminRoutes({ db, clock, council, settings }: Pick<Deps, 'db' | 'clock' | 'council' | 'settings'>): Router[] {
  const admin = createReferenceDataAdmin(db, council, settings);
  return [
    overviewRoutes(admin),
    councilAdminRoutes(admin, clock),
    settingsAdminRoutes(admin, clock),
    entityAdminRoutes(admin, clock),
    aliasAdminRoutes(admin, clock),
    portfolioAdminRoutes(admin, clock),
    mergeAdminRoutes(admin, clock),
  ];
}
