import { isRole, ROLES } from '../../src/auth/roles.ts';
import { emailProblem, normaliseEmail, type UserResult } from '../../src/auth/user.service.ts';
import type { Deps } from '../../src/deps.ts';
import { parseArgs, write, type Command, type CommandIo } from './command.ts';
import { readNewPassword } from './read-password.ts';

const USAGE = [
  'user add EMAIL --role ROLE [--name NAME]   create a staff account; the password is read from a prompt or standard input',
  '  user list                                  list staff accounts',
  '  user set-role EMAIL ROLE                   change a role (editor, publisher or admin)',
  '  user disable EMAIL                         stop an account signing in, and end its sessions',
  '  user enable EMAIL                          let a disabled account sign in again',
  '  user set-password EMAIL                    give an account a new password (prompt or standard input); ends its sessions',
].join('\n');

const problemsText = (result: UserResult) => (result.ok ? '' : Object.values(result.problems).join('\n'));

async function add(positional: string[], options: Record<string, string | true>, deps: Deps, io: CommandIo): Promise<number> {
  const [email] = positional;
  const { role, name } = options;
  if (!email || typeof role !== 'string' || (name !== undefined && typeof name !== 'string')) {
    write(io.stderr, `Usage: npm run fp -- ${USAGE.split('\n')[0]}`);
    return 2;
  }
  // Refuse what can be refused before asking for a password.
  const emailIssue = emailProblem(normaliseEmail(email));
  if (emailIssue) return fail(io, emailIssue);
  if (!isRole(role)) return fail(io, `The role must be one of ${ROLES.join(', ')}`);
  if (await deps.auth.users.byEmail(email)) return fail(io, `There is already an account for ${normaliseEmail(email)}`);
  const password = await askPassword(io);
  if (password === undefined) return 1;
  const result = await deps.auth.users.create({ email, name: name ?? '', role, password });
  if (!result.ok) return fail(io, problemsText(result));
  write(io.stdout, `Created the ${result.user.role} account ${result.user.email}.`);
  return 0;
}

async function list(deps: Deps, io: CommandIo): Promise<number> {
  const users = await deps.auth.users.list();
  if (users.length === 0) {
    write(io.stdout, 'There are no staff accounts yet. Add one with: npm run fp -- user add EMAIL --role admin');
    return 0;
  }
  write(io.stdout, users.map((u) => [u.email, u.role, u.disabled_at ? 'disabled' : 'active', u.name].join('\t')).join('\n'));
  return 0;
}

function fail(io: CommandIo, message: string): number {
  write(io.stderr, message);
  return 1;
}

/** The new password, or undefined (with the reason written) when reading it failed or was cancelled. */
async function askPassword(io: CommandIo): Promise<string | undefined> {
  try {
    return await readNewPassword(io);
  } catch (error) {
    write(io.stderr, (error as Error).message);
    return undefined;
  }
}

/** Runs one change on the account named by email, reporting the service's refusal if any. */
async function change(deps: Deps, io: CommandIo, email: string, run: (id: number) => Promise<UserResult | undefined>, done: string) {
  const user = await deps.auth.users.byEmail(email);
  if (!user) return fail(io, `There is no account for ${normaliseEmail(email)}`);
  const result = await run(user.id);
  if (!result || !result.ok) return fail(io, result ? problemsText(result) : `There is no account for ${user.email}`);
  write(io.stdout, `${done}: ${user.email}`);
  return 0;
}

export const userCommand: Command = {
  name: 'user',
  usage: USAGE,
  async run(args, deps, io) {
    const { positional, options } = parseArgs(args);
    if ('password' in options) {
      return fail(io, 'Passwords are never taken from the command line (they would stay in the shell history). Type it at the prompt, or pipe it on standard input.');
    }
    const [sub, ...rest] = positional;
    const users = deps.auth.users;
    switch (sub) {
      case 'add':
        return add(rest, options, deps, io);
      case 'list':
        return list(deps, io);
      case 'set-role':
        if (rest.length !== 2) break;
        return change(deps, io, rest[0]!, (id) => users.setRole(id, rest[1]!), `Role changed to ${rest[1]}`);
      case 'disable':
        if (rest.length !== 1) break;
        return change(deps, io, rest[0]!, (id) => users.disable(id), 'Disabled, and signed out everywhere');
      case 'enable':
        if (rest.length !== 1) break;
        return change(deps, io, rest[0]!, (id) => users.enable(id), 'Enabled');
      case 'set-password':
        if (rest.length !== 1) break;
        {
          if (!(await users.byEmail(rest[0]!))) return fail(io, `There is no account for ${normaliseEmail(rest[0]!)}`);
          const password = await askPassword(io);
          if (password === undefined) return 1;
          return change(deps, io, rest[0]!, (id) => users.setPassword(id, password), 'Password changed, and signed out everywhere');
        }
    }
    write(io.stderr, `Usage:\n  npm run fp -- ${USAGE}`);
    return 2;
  },
};
