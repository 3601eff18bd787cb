import test from 'ava';
import { CommittedWrites, tablesWritten, transactionControl } from '../../src/db/written-tables.ts';

const statements: [string, string[]][] = [
  ['insert into "decisions" ("title") values ($1) returning "id"', ['decisions']],
  ['update "decisions" set "title" = $1 where "id" = $2', ['decisions']],
  ['delete from "decision_wards" where "decision_id" = $1', ['decision_wards']],
  ['UPDATE decisions SET internal_notes = $1', ['decisions']],
  ['with "moved" as (update "aliases" set "ward_id" = $1 returning *) delete from "wards" where "id" = $2', ['aliases', 'wards']],
  ['insert into "job_runs" ("job") values ($1) on conflict ("job") do update set "state" = $2', ['job_runs', 'set']],
  ['select * from "outbox_messages" for update skip locked', ['skip']],
  ['select "title" from "decisions" where "updated" = true', []],
  ['TRUNCATE TABLE plans', ['plans']],
  ['insert into public.decisions (title) values ($1)', ['decisions']],
];

for (const [statement, tables] of statements) {
  test(`written tables: ${statement}`, (t) => {
    t.deepEqual(tablesWritten(statement), tables);
  });
}

test('transaction control words as kysely sends them', (t) => {
  t.is(transactionControl('begin'), 'begin');
  t.is(transactionControl('start transaction isolation level serializable'), 'begin');
  t.is(transactionControl('commit'), 'commit');
  t.is(transactionControl('rollback'), 'rollback');
  t.is(transactionControl('rollback to savepoint "sp"'), undefined);
  t.is(transactionControl('select 1'), undefined);
});

test('writes are reported once committed, at once outside a transaction, never after a rollback', (t) => {
  const reported: string[][] = [];
  const writes = new CommittedWrites((tables) => reported.push([...tables].sort()));
  writes.succeeded('update "wards" set "name" = $1');
  t.deepEqual(reported, [['wards']], 'a statement on its own commits at once');

  writes.succeeded('begin');
  writes.succeeded('insert into "decisions" ("title") values ($1)');
  writes.succeeded('delete from "decision_wards"');
  t.is(reported.length, 1, 'nothing before the commit');
  writes.succeeded('commit');
  t.deepEqual(reported[1], ['decision_wards', 'decisions']);

  writes.succeeded('begin');
  writes.succeeded('insert into "plans" ("published_on") values ($1)');
  writes.succeeded('rollback');
  writes.succeeded('select 1');
  t.is(reported.length, 2, 'a rollback reports nothing');

  writes.succeeded('begin');
  writes.succeeded('insert into "plans" ("published_on") values ($1)');
  writes.failed('insert into "plans" ("published_on") values ($1)');
  writes.failed('commit');
  t.is(reported.length, 2, 'a failed commit reports nothing');
});
