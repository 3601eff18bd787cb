import { adminRouter } from '../auth/require-role.ts';
import type { Deps } from '../deps.ts';
import { QueryReader } from '../http/query.ts';

const PAGE_SIZE = 50;

/** /admin/audit: every change across the system, filtered by who made it or which decision. */
export function auditRoutes({ audit }: Pick<Deps, 'audit'>) {
  const router = adminRouter('editor');

  router.get('/admin/audit', async (ctx) => {
    const reader = new QueryReader(ctx.query);
    const userId = reader.id('user', "a member of staff's number");
    const decisionId = reader.id('decision', "a decision's number");
    const page = reader.integer('page', { min: 1, max: 100_000, fallback: 1 });
    reader.throwIfProblems();

    const [{ entries, total }, staff] = await Promise.all([
      audit.list({ userId, decisionId }, { page, limit: PAGE_SIZE }),
      audit.staff(),
    ]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const queryFor = (n: number) => {
      const params = new URLSearchParams();
      if (userId) params.set('user', String(userId));
      if (decisionId) params.set('decision', String(decisionId));
      if (n > 1) params.set('page', String(n));
      const text = params.toString();
      return text ? `?${text}` : '/admin/audit';
    };
    ctx.render('admin/audit/index.njk', {
      pageTitle: 'Audit log',
      entries,
      total,
      pages,
      paging: { page },
      queryFor,
      filters: { user: userId, decision: decisionId },
      staffItems: [
        { value: '', text: 'Anyone' },
        ...staff.map((s) => ({ value: String(s.id), text: s.name ? `${s.name} (${s.email})` : s.email, selected: s.id === userId })),
      ],
    });
  });

  return router;
}
