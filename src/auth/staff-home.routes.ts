import { ROLE_LABELS, roleAtLeast } from './roles.ts';
import { adminRouter } from './require-role.ts';
import { STAFF_LINKS } from './staff-home.ts';

export function staffHomeRoutes() {
  const router = adminRouter('editor');
  router.get('/admin', (ctx) => {
    const user = ctx.state.user!;
    ctx.render('admin/home.njk', {
      pageTitle: 'Staff home',
      roleName: ROLE_LABELS[user.role].name,
      links: STAFF_LINKS.filter((link) => roleAtLeast(user.role, link.minRole)),
    });
  });
  return router;
}
