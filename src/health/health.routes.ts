import Router from '@koa/router';
import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';

export function healthRoutes({ db }: { db: Db }) {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    try {
      await Promise.race([
        sql`SELECT 1`.execute(db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 3_000).unref()),
      ]);
      ctx.body = { status: 'ok', database: 'ok' };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'unavailable', database: 'not answering' };
    }
  });
  return router;
}
