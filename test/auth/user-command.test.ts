import test from 'ava';
import { PassThrough } from 'node:stream';
import { verifyPassword } from '../../src/auth/passwords.ts';
import { testConfig } from '../../src/config/config.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { userCommand } from '../../scripts/commands/user.ts';
import { freshDb } from '../helpers/db.ts';

const PASSWORD = 'correct horse battery staple';
let deps: Deps;
let close: () => Promise<void>;

test.before(async () => {
  const handle = await freshDb();
  close = handle.close;
  deps = createDeps(testConfig(), handle.db, new ManualClock('2024-02-26T10:00:00Z'));
});
test.after.always(() => close?.());

/** Runs `npm run fp -- user …` with `input` piped on standard input (not a terminal). */
async function run(args: string[], input = '', stdin: PassThrough & { isTTY?: boolean } = new PassThrough()) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  if (!stdin.isTTY) stdin.end(input);
  const code = await userCommand.run(args, deps, { stdin, stdout, stderr });
  return { code, out, err };
}

test.serial('user add reads the password from standard input and stores only an argon2id hash', async (t) => {
  const { code, out, err } = await run(['add', 'Ann@Example.gov.uk', '--role', 'admin', '--name', 'Ann Admin'], `${PASSWORD}\nignored second line\n`);
  t.is(code, 0, err);
  t.is(out, 'Created the admin account ann@example.gov.uk.\n');
  const user = (await deps.auth.users.byEmail('ann@example.gov.uk'))!;
  t.like(user, { email: 'ann@example.gov.uk', name: 'Ann Admin', role: 'admin', disabled_at: null });
  t.true(user.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$'));
  t.true(await verifyPassword(user.password_hash, PASSWORD));
  t.false(await verifyPassword(user.password_hash, 'ignored second line'));
});

test.serial('a password on the command line is refused outright', async (t) => {
  const { code, err } = await run(['add', 'bob@example.gov.uk', '--role', 'editor', '--password', PASSWORD]);
  t.is(code, 1);
  t.regex(err, /never taken from the command line/);
  t.is(await deps.auth.users.byEmail('bob@example.gov.uk'), undefined);
});

test.serial('bad input is refused with a reason and nothing is created', async (t) => {
  const cases: [string[], string, RegExp][] = [
    [['add', 'bob@example.gov.uk', '--role', 'owner'], PASSWORD, /The role must be one of editor, publisher, admin/],
    [['add', 'not-an-email', '--role', 'editor'], PASSWORD, /correct format/],
    [['add', 'bob@example.gov.uk', '--role', 'editor'], 'password1234\n', /too common/],
    [['add', 'bob@example.gov.uk', '--role', 'editor'], '', /Enter a password/],
    [['add', 'ANN@example.gov.uk', '--role', 'editor'], PASSWORD, /already an account for ann@example\.gov\.uk/],
  ];
  for (const [args, input, message] of cases) {
    const { code, err } = await run(args, input);
    t.is(code, 1, args.join(' '));
    t.regex(err, message);
  }
  t.is(await deps.auth.users.byEmail('bob@example.gov.uk'), undefined);
  t.is((await run(['add', 'bob@example.gov.uk'])).code, 2, 'no role: usage');
  t.is((await run(['frobnicate'])).code, 2);
});

/** A stand-in terminal: raw mode switchable, and whatever the test types. */
function fakeTerminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] });
  return Object.assign(stdin, {
    setRawMode(mode: boolean) {
      stdin.rawModes.push(mode);
      return stdin;
    },
  });
}

test.serial('at a terminal the password is asked twice, in raw mode, and never echoed', async (t) => {
  const stdin = fakeTerminal();
  const typing = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.write(`${PASSWORD}x\u007f\r`); // a typo, corrected with backspace
    await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.write(`${PASSWORD}\r`);
  })();
  const { code, out, err } = await run(['add', 'cat@example.gov.uk', '--role', 'editor'], '', stdin);
  await typing;
  t.is(code, 0, err);
  t.is(out, 'Password: \nType the password again: \nCreated the editor account cat@example.gov.uk.\n');
  t.deepEqual(stdin.rawModes, [true, false, true, false]);
  const user = (await deps.auth.users.byEmail('cat@example.gov.uk'))!;
  t.true(await verifyPassword(user.password_hash, PASSWORD));
});

test.serial('at a terminal, two different passwords create nothing', async (t) => {
  const stdin = fakeTerminal();
  setTimeout(() => stdin.write(`${PASSWORD}\r`), 20);
  setTimeout(() => stdin.write('something else entirely\r'), 40);
  const { code, err } = await run(['add', 'dot@example.gov.uk', '--role', 'editor'], '', stdin);
  t.is(code, 1);
  t.regex(err, /two passwords are different/);
  t.is(await deps.auth.users.byEmail('dot@example.gov.uk'), undefined);
});

test.serial('list, set-role, disable, enable and set-password', async (t) => {
  const cat = (await deps.auth.users.byEmail('cat@example.gov.uk'))!;
  const listed = await run(['list']);
  t.is(listed.out, 'ann@example.gov.uk\tadmin\tactive\tAnn Admin\ncat@example.gov.uk\teditor\tactive\t\n');

  t.is((await run(['set-role', 'cat@example.gov.uk', 'publisher'])).code, 0);
  t.is((await deps.auth.users.get(cat.id))?.role, 'publisher');
  t.regex((await run(['set-role', 'cat@example.gov.uk', 'king'])).err, /Select a role/);

  const token = await deps.auth.sessions.start(cat.id, { userAgent: 'test', ip: '127.0.0.1' });
  t.is((await run(['disable', 'CAT@example.gov.uk'])).code, 0);
  t.truthy((await deps.auth.users.get(cat.id))?.disabled_at);
  t.is(await deps.auth.sessions.resume(token), undefined, 'sessions ended');
  t.regex((await run(['list'])).out, /cat@example\.gov\.uk\tpublisher\tdisabled/);
  t.is((await run(['enable', 'cat@example.gov.uk'])).code, 0);
  t.is((await deps.auth.users.get(cat.id))?.disabled_at, null);

  const newPassword = 'a different long passphrase';
  t.is((await run(['set-password', 'cat@example.gov.uk'], `${newPassword}\n`)).code, 0);
  t.true(await verifyPassword((await deps.auth.users.get(cat.id))!.password_hash, newPassword));

  const lastAdmin = await run(['disable', 'ann@example.gov.uk']);
  t.is(lastAdmin.code, 1);
  t.regex(lastAdmin.err, /only active administrator/);
  t.regex((await run(['disable', 'nobody@example.gov.uk'])).err, /There is no account for nobody@example\.gov\.uk/);
});
