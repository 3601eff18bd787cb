import { PassThrough } from 'node:stream';
import test from 'ava';
import { publishCommand } from '../../scripts/commands/publish.ts';
import { addDecision, publicationWorld, type PublicationWorld } from './helpers.ts';

async function fp(world: PublicationWorld, args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await publishCommand.run(args, world.deps, { stdin: new PassThrough(), stdout, stderr });
  return { code, out, err };
}

const plans = async (world: PublicationWorld) => (await world.db.selectFrom('plans').select('published_on').execute()).map((p) => p.published_on);

test.serial('fp publish --dry-run prints the summary and publishes nothing; fp publish publishes once', async (t) => {
  const world = await publicationWorld(t);
  await addDecision(world, { title: 'Library opening hours' });
  await addDecision(world, { title: 'Parks strategy', part: 'non_key', is_key: false });

  const dry = await fp(world, ['--dry-run']);
  t.is(dry.code, 0, dry.err);
  t.regex(dry.out, /Plan dated 8 March 2024, key decisions from 8 April 2024\./);
  t.regex(dry.out, /2 entries: 2 new, 0 carried over/);
  t.regex(dry.out, /Part 1 – Key decisions: 1 \(1 new, 0 previously advertised\)/);
  t.regex(dry.out, /New references: KEY\/08APR24\/01\./);
  t.regex(dry.out, /Rule breaches: none\./);
  t.deepEqual(await plans(world), []);

  const real = await fp(world, []);
  t.is(real.code, 0, real.err);
  t.regex(real.out, /Published the plan dated 8 March 2024: \/plans\/2024-03-08/);
  const again = await fp(world, ['--date', '2024-03-08']);
  t.is(again.code, 0);
  t.regex(again.out, /already published/);
  t.deepEqual(await plans(world), ['2024-03-08']);
});

test.serial('fp publish refuses a plan that breaks a rule, naming it, with a non-zero exit', async (t) => {
  const world = await publicationWorld(t);
  await addDecision(world, { title: 'Rushed decision', expected_date: '2024-03-20' });
  const dry = await fp(world, ['--dry-run']);
  t.regex(dry.out, /Rule breaches: 1\./);
  const refused = await fp(world, []);
  t.is(refused.code, 1);
  t.regex(refused.err, /The plan was not published; nothing was changed\.\n- Rushed decision \(KEY\/08APR24\/01\) breaks Regulation 9/);
  t.deepEqual(await plans(world), []);
});

test.serial('fp publish checks its arguments', async (t) => {
  const world = await publicationWorld(t);
  for (const args of [['--date', '2024-02-30'], ['--date'], ['extra']]) {
    const { code, err } = await fp(world, args);
    t.is(code, 2, args.join(' '));
    t.regex(err, /Usage: npm run fp -- publish/);
  }
  await addDecision(world, { title: 'Library opening hours' });
  const future = await fp(world, ['--date', '2024-03-22']);
  t.is(future.code, 1);
  t.regex(future.err, /date in the future/);
});
