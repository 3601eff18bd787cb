import test from 'ava';
import { largePlanCsv } from '../../scripts/bench/plan-csv-rows.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { decisionMakerText } from '../../src/publication/snapshot-text.ts';
import { portfolioOn } from '../../src/reference-data/reference-data.repository.ts';
import { addDecision, printedEntries, publicationWorld } from './helpers.ts';

/*
 * Publication writes references, events and audit entries a thousand to a statement; on a plan
 * of a few hundred entries, each still gets exactly its own, in plan order.
 */

test('a plan of a few hundred entries: references in sequence, one advertisement per new entry, one audit entry per entry', async (t) => {
  const world = await publicationWorld(t, { on: '2024-03-08' });
  await importPlan(world.db, largePlanCsv({ rows: 150, seed: 4 }), '2024-02-23');
  const drafts: number[] = [];
  for (let n = 0; n < 150; n += 1) {
    const part = (['key', 'private', 'non_key'] as const)[n % 3]!;
    drafts.push(
      await addDecision(world, {
        title: `Draft ${n + 1}`,
        part,
        is_key: part !== 'non_key',
        // Ray Bisby's decisions name no portfolio: the plan prints the one he holds on the day.
        decision_maker_id: n % 2 === 0 ? world.ids.cabinet : world.ids.member,
        expected_date: `2024-0${5 + (n % 4)}-${String(1 + (n % 28)).padStart(2, '0')}`,
        exempt_paragraph: part === 'private' ? 3 : null,
      }),
    );
  }

  const outcome = await world.deps.publication.publish({ publishedOn: '2024-03-08', userId: null });
  if (outcome.status !== 'published') return t.fail(`not published: ${JSON.stringify(outcome)}`);
  const printed = await printedEntries(world.db, '2024-03-08');
  t.true(printed.length > 250);
  t.is(outcome.summary.entries, printed.length);

  const entries = await world.db
    .selectFrom('plan_entries')
    .select(['decision_id', 'advertised', 'part', 'reference', 'decision_maker'])
    .where('plan_id', '=', outcome.planId)
    .orderBy('id')
    .execute();
  const given = outcome.summary.newReferences;
  t.is(given.length, 100, 'the 50 key and 50 private key drafts');
  t.deepEqual(given, given.map((_, i) => `KEY/08APR24/${String(i + 1).padStart(2, '0')}`));
  t.deepEqual(entries.filter((e) => given.includes(e.reference)).map((e) => e.reference), given, 'given in plan order');

  const decisions = await world.db.selectFrom('decisions').select(['id', 'status', 'reference', 'expected_date']).where('id', 'in', drafts).execute();
  const printedFor = new Map(entries.map((e) => [e.decision_id, e]));
  for (const decision of decisions) {
    t.is(decision.status, 'planned');
    t.is(decision.reference ?? '', printedFor.get(decision.id)?.reference ?? 'not printed');
  }
  const member = decisions.find((d) => drafts.indexOf(d.id) % 2 === 1)!;
  const portfolio = (await portfolioOn(world.db, world.ids.member, member.expected_date))?.title ?? null;
  t.truthy(portfolio);
  t.is(printedFor.get(member.id)?.decision_maker, decisionMakerText({ kind: 'member', name: 'Ray Bisby', portfolio }));

  const events = await world.db.selectFrom('decision_events').select(['decision_id', 'kind', 'details']).where('plan_id', '=', outcome.planId).orderBy('id').execute();
  const advertised = entries.filter((e) => e.advertised === 'new' && e.part !== 'urgent');
  t.deepEqual(events.map((e) => e.decision_id), advertised.map((e) => e.decision_id));
  t.true(events.every((e) => e.kind === 'advertised'));
  t.deepEqual(events.map((e) => (e.details as { reference: string | null }).reference), advertised.map((e) => e.reference || null));

  const audit = await world.db.selectFrom('decision_changes').select(['decision_id', 'fields', 'note']).orderBy('id').execute();
  t.deepEqual(audit.map((a) => a.decision_id), entries.map((e) => e.decision_id), 'one audit entry per entry, in plan order');
  const keyDraft = audit.find((a) => a.decision_id === drafts[0]);
  t.deepEqual(keyDraft?.fields, { reference: { from: null, to: printedFor.get(drafts[0]!)!.reference }, status: { from: 'draft', to: 'planned' } });
  const carried = audit.find((a) => !drafts.includes(a.decision_id));
  t.deepEqual(carried?.fields, {});
  t.regex(carried?.note ?? '', /as previously advertised|as new in the plan published 8 March 2024/);
});
