import test from 'ava';
import { ROLES } from '../../src/auth/roles.ts';
import { adminWorld } from './helpers.ts';

/*
 * test/auth/role-matrix.test.ts probes every /admin/reference route with made-up ids. This
 * checks the same refusal with real ids, where a wrong guard would act on real data.
 */
for (const role of ROLES.filter((r) => r !== 'admin')) {
  test(`${role}s cannot see or change reference data, and are not offered the link`, async (t) => {
    const { app, browser } = await adminWorld(t, role);
    const committee = await app.deps.db.selectFrom('committees').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
    for (const path of ['/admin/reference', '/admin/reference/committees', `/admin/reference/committees/${committee.id}`, '/admin/reference/council']) {
      t.is((await browser.get(path)).status, 403, path);
    }
    const posts: [string, Record<string, string>][] = [
      [`/admin/reference/committees/${committee.id}`, { name: 'Renamed', slug: 'renamed', description: '' }],
      [`/admin/reference/committees/${committee.id}/spellings`, { spelling: 'Something else' }],
      [`/admin/reference/committees/${committee.id}/merge/confirm`, { other: String(committee.id + 1), keep: 'other' }],
      ['/admin/reference/council', { name: 'Renamed Council' }],
    ];
    for (const [path, form] of posts) t.is((await browser.post(path, form)).status, 403, path);
    t.is((await app.deps.db.selectFrom('committees').select('name').where('id', '=', committee.id).executeTakeFirstOrThrow()).name, committee.name);
    t.is((await app.deps.db.selectFrom('reference_changes').select('id').execute()).length, 0);
    t.notRegex(await (await browser.get('/admin')).text(), /href="\/admin\/reference"/);
  });
}

test('administrators are offered the link on the staff home', async (t) => {
  const { browser } = await adminWorld(t);
  t.regex(await (await browser.get('/admin')).text(), /href="\/admin\/reference"/);
});
