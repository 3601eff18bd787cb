import type { Context } from 'koa';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { FormErrors, readForm, renderForm } from '../http/forms.ts';
import { idParam } from '../http/params.ts';
import { formatDateTime } from './format.ts';
import { MIN_PASSWORD_LENGTH } from './password-policy.ts';
import { adminRouter } from './require-role.ts';
import { ROLE_LABELS, ROLES } from './roles.ts';
import type { UserRow } from './user.repository.ts';
import type { FieldProblems, UserResult } from './user.service.ts';

const DONE_MESSAGES: Record<string, string> = {
  created: 'Account created. Give the person their password by a different route from their email address.',
  role: 'Role changed.',
  disabled: 'Account disabled. The person has been signed out everywhere.',
  enabled: 'Account enabled. The person can sign in again.',
};

const roleItems = (checked?: string) =>
  ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role].name, hint: { text: ROLE_LABELS[role].description }, checked: role === checked }));

function statusOf(user: UserRow, now: Date): string {
  if (user.disabled_at) return `Disabled on ${formatDateTime(user.disabled_at)}`;
  if (user.locked_until && new Date(user.locked_until) > now) return `Locked after failed sign-ins until ${formatDateTime(user.locked_until)}`;
  return 'Active';
}

function userView(user: UserRow, now: Date) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    roleName: ROLE_LABELS[user.role].name,
    disabled: user.disabled_at !== null,
    status: statusOf(user, now),
    created: formatDateTime(user.created_at),
  };
}

/** /admin/users: administrators add staff, change roles, disable and enable accounts. */
export function userAdminRoutes({ auth, clock }: Pick<Deps, 'auth' | 'clock'>) {
  const router = adminRouter('admin');

  async function showUser(ctx: Context, id: number, problems: FieldProblems = {}, values: Record<string, unknown> = {}) {
    const user = await auth.users.get(id);
    if (!user) throw notFound('There is no staff account with that number');
    const view = userView(user, clock.now());
    renderForm(ctx, 'admin/users/show.njk', {
      pageTitle: view.name || view.email,
      account: view,
      isSelf: ctx.state.user?.id === user.id,
      roleItems: roleItems((values.role as string | undefined) ?? user.role),
      done: DONE_MESSAGES[String(ctx.query.done)],
      values,
      errors: problems,
    });
  }

  async function afterChange(ctx: Context, id: number, result: UserResult | undefined, done: string, values: Record<string, unknown> = {}) {
    if (!result) throw notFound('There is no staff account with that number');
    if (!result.ok) return showUser(ctx, id, result.problems, values);
    ctx.redirect(`/admin/users/${id}?done=${done}`);
    ctx.status = 303;
  }

  router.get('/admin/users', async (ctx) => {
    const now = clock.now();
    ctx.render('admin/users/index.njk', { pageTitle: 'Staff accounts', accounts: (await auth.users.list()).map((u) => userView(u, now)) });
  });

  router.get('/admin/users/new', (ctx) => {
    renderForm(ctx, 'admin/users/new.njk', { pageTitle: 'Add a staff account', values: {}, roleItems: roleItems(), minPasswordLength: MIN_PASSWORD_LENGTH });
  });

  router.post('/admin/users', async (ctx) => {
    const form = readForm(ctx);
    const values = { email: form.text('email'), name: form.text('name'), role: form.text('role') };
    const result = await auth.users.create({ ...values, password: form.raw('password') });
    if (!result.ok) {
      // Summary in the order of the fields on the page.
      const errors = new FormErrors();
      for (const field of ['email', 'name', 'role', 'password']) errors.check(field, result.problems[field]);
      return renderForm(ctx, 'admin/users/new.njk', { pageTitle: 'Add a staff account', values, roleItems: roleItems(values.role), minPasswordLength: MIN_PASSWORD_LENGTH, errors });
    }
    ctx.redirect(`/admin/users/${result.user.id}?done=created`);
    ctx.status = 303;
  });

  router.get('/admin/users/:id', async (ctx) => {
    await showUser(ctx, idParam(ctx.params.id));
  });

  router.post('/admin/users/:id/role', async (ctx) => {
    const id = idParam(ctx.params.id);
    const role = readForm(ctx).text('role');
    await afterChange(ctx, id, await auth.users.setRole(id, role, ctx.state.user!.id), 'role', { role });
  });

  router.post('/admin/users/:id/disable', async (ctx) => {
    const id = idParam(ctx.params.id);
    await afterChange(ctx, id, await auth.users.disable(id, ctx.state.user!.id), 'disabled');
  });

  router.post('/admin/users/:id/enable', async (ctx) => {
    const id = idParam(ctx.params.id);
    await afterChange(ctx, id, await auth.users.enable(id), 'enabled');
  });

  return router;
}
