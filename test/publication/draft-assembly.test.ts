import test from 'ava';
import type { PlanEntryRow } from '../../src/plans/plans.tables.ts';
import { assembleDraft } from '../../src/publication/draft-assembly.ts';
import { changesSincePrevious } from '../../src/publication/draft-changes.ts';
import type { DecisionFacts, ListingHistory, PublicationHistory } from '../../src/publication/draft-facts.ts';
import { decisionMakerText, documentsText, expectedDateText, wardsText } from '../../src/publication/snapshot-text.ts';

let nextId = 1;
function decision(values: Partial<DecisionFacts> & { title: string }): DecisionFacts {
  return {
    id: nextId++,
    reference: null,
    description: 'd',
    part: 'key',
    isKey: true,
    status: 'planned',
    expected: { date: '2024-05-20', precision: 'day', text: '', note: '' },
    maker: { kind: 'cabinet', name: 'Cabinet', portfolio: null },
    committees: ['Children and Education Scrutiny Committee'],
    wards: { scope: 'all', text: 'All Wards', names: [] },
    consultation: '',
    contacts: '',
    directorate: 'Place and Economy',
    documents: '',
    exemption: { paragraph: null, reason: '' },
    exceptions: [],
    privateNoticeOn: null,
    taken: null,
    withdrawn: null,
    ...values,
  };
}

function history(values: Partial<PublicationHistory> = {}): PublicationHistory {
  return { previousPlan: null, listings: new Map(), usedReferences: new Set(), ...values };
}

const listed = (on: string, extra: Partial<ListingHistory> = {}): ListingHistory => ({
  firstListedOn: on, firstListedAs: 'new', firstKeyListingOn: on, firstPrivateListingOn: null, listedInPart4: false, ...extra,
});

test('expected date wording: kept while it still means the date, else written out', (t) => {
  const cases: [string, Parameters<typeof expectedDateText>[0], string, string][] = [
    ['the typed wording', { date: '2024-03-11', precision: 'day', text: '11 March 2024', note: '' }, '2024-03-08', '11 March 2024'],
    ['a day without a year, same year', { date: '2024-06-17', precision: 'day', text: '17 June', note: '' }, '2024-02-23', '17 June'],
    ['a day without a year that would now mean next year', { date: '2024-06-17', precision: 'day', text: '17 June', note: '' }, '2024-07-05', '17 June 2024'],
    ['a month', { date: '2024-05-01', precision: 'month', text: '', note: '' }, '2024-03-08', 'May 2024'],
    ['wording that no longer matches a moved date', { date: '2024-04-22', precision: 'day', text: '11 March 2024', note: '' }, '2024-03-08', '22 April 2024'],
    ['a note kept', { date: '2024-02-27', precision: 'day', text: '', note: 'For Consideration' }, '2024-02-23', '27 February 2024 For Consideration'],
  ];
  for (const [what, expected, publishedOn, printed] of cases) t.is(expectedDateText(expected, publishedOn), printed, what);
});

test('decision maker, wards and the private notice as the printed plan words them', (t) => {
  t.is(decisionMakerText({ kind: 'cabinet', name: 'Cabinet', portfolio: null }), 'Cabinet');
  t.is(decisionMakerText({ kind: 'member', name: 'Ray Bisby', portfolio: "Cabinet Member for Children's Services" }), "Cllr Ray Bisby, Cabinet Member for Children's Services");
  t.is(decisionMakerText({ kind: 'member', name: 'Councillor Howard', portfolio: null }), 'Councillor Howard');
  t.is(wardsText({ scope: 'listed', text: '', names: ['Central', 'North'] }), 'Central, North');
  t.is(wardsText({ scope: 'all', text: '', names: [] }), 'All Wards');
  t.is(wardsText({ scope: 'listed', text: 'Fletton & Stanground Ward', names: ['Fletton and Stanground'] }), 'Fletton & Stanground Ward');
  t.regex(documentsText('private', 'The report.', { paragraph: 3, reason: 'Commercial terms.' }), /^The report\.\nExempt information under paragraph 3 of Part 1 of Schedule 12A.*business affairs.*\. Commercial terms\.$/);
  t.is(documentsText('private', 'By virtue of paragraph 3, commercial.', { paragraph: 3, reason: 'x' }), 'By virtue of paragraph 3, commercial.', 'already cited');
  t.is(documentsText('key', 'The report.', { paragraph: 3, reason: 'x' }), 'The report.', 'only Part 2 is a private notice');
});

test('parts, new before previously advertised, ordered by date then reference, and what is left out', (t) => {
  const later = decision({ title: 'Later key', expected: { date: '2024-06-01', precision: 'day', text: '', note: '' } });
  const sooner = decision({ title: 'Sooner key', expected: { date: '2024-05-01', precision: 'month', text: 'May 2024', note: '' } });
  const carried = decision({ title: 'Carried key', reference: 'KEY/04DEC23/01', expected: { date: '2024-04-01', precision: 'day', text: '', note: '' } });
  const privateOne = decision({ title: 'Private', part: 'private', isKey: false });
  const nonKey = decision({ title: 'Non-key', part: 'non_key', isKey: false, status: 'draft' });
  const undated = decision({ title: 'Undated', status: 'draft', expected: { date: null, precision: null, text: '', note: '' } });
  const withdrawn = decision({ title: 'Withdrawn', status: 'withdrawn' });
  const draft = assembleDraft('2024-03-08', [later, sooner, carried, privateOne, nonKey, undated, withdrawn], history({ listings: new Map([[carried.id, listed('2024-02-23')]]) }));
  t.deepEqual(
    draft.entries.map((e) => [e.part, e.advertised, e.position, e.snapshot.title]),
    [
      ['key', 'new', 1, 'Sooner key'],
      ['key', 'new', 2, 'Later key'],
      ['key', 'previous', 1, 'Carried key'],
      ['private', 'new', 1, 'Private'],
      ['non_key', 'new', 1, 'Non-key'],
    ],
  );
  t.deepEqual(draft.heldBack.map((h) => h.title), ['Undated']);
  t.is(draft.keyDecisionsFrom, '2024-04-08');
});

test('new key decisions get the plan\'s next references in plan order; a taken number is never reused, whatever its spelling', (t) => {
  const a = decision({ title: 'A', expected: { date: '2024-05-02', precision: 'day', text: '', note: '' } });
  const b = decision({ title: 'B', expected: { date: '2024-05-01', precision: 'day', text: '', note: '' } });
  const keyPrivate = decision({ title: 'Key and private', part: 'private', isKey: true });
  const plainPrivate = decision({ title: 'Private, not key', part: 'private', isKey: false });
  const nonKey = decision({ title: 'Non-key', part: 'non_key', isKey: false });
  // 'KEY/8APRIL24/1' was printed loosely once: its canonical form is KEY/08APR24/01.
  const draft = assembleDraft('2024-03-08', [a, b, keyPrivate, plainPrivate, nonKey], history({ usedReferences: new Set(['KEY/08APR24/01', 'KEY/25MAR24/07']) }));
  t.deepEqual(
    draft.entries.map((e) => [e.snapshot.title, e.snapshot.reference, e.newReference]),
    [
      ['B', 'KEY/08APR24/02', 'KEY/08APR24/02'],
      ['A', 'KEY/08APR24/03', 'KEY/08APR24/03'],
      ['Key and private', 'KEY/08APR24/04', 'KEY/08APR24/04'],
      ['Private, not key', '', null],
      ['Non-key', '', null],
    ],
  );
});

test('Part 4: key decisions taken under a regulation 10 or 11 exception since the previous plan, listed once', (t) => {
  const reg11 = { regulation: 11 as const, chairNotifiedOn: null, noticePublishedOn: null, agreedBy: 'Cllr Chair', agreedOn: '2024-03-11', reasons: 'Urgent.' };
  const urgent = decision({ title: 'Urgent', status: 'taken', taken: { on: '2024-03-12', decisionMaker: 'Cllr Ray Bisby' }, exceptions: [reg11] });
  const noException = decision({ title: 'Taken normally', status: 'taken', taken: { on: '2024-03-12', decisionMaker: 'Cabinet' } });
  const tooOld = decision({ title: 'Before the previous plan', status: 'taken', taken: { on: '2024-03-01', decisionMaker: 'Cabinet' }, exceptions: [reg11] });
  const alreadyListed = decision({ title: 'Already in Part 4', status: 'taken', taken: { on: '2024-03-12', decisionMaker: 'Cabinet' }, exceptions: [reg11] });
  const notKey = decision({ title: 'Not key', part: 'non_key', isKey: false, status: 'taken', taken: { on: '2024-03-12', decisionMaker: 'Cabinet' }, exceptions: [reg11] });
  const previousPlan = { id: 1, publishedOn: '2024-03-08', entries: [] as PlanEntryRow[] };
  const draft = assembleDraft('2024-03-22', [urgent, noException, tooOld, alreadyListed, notKey], history({
    previousPlan,
    listings: new Map([[alreadyListed.id, listed('2024-03-08', { listedInPart4: true })]]),
  }));
  t.deepEqual(
    draft.entries.map((e) => [e.part, e.advertised, e.snapshot.title, e.snapshot.expected_date_text, e.snapshot.decision_maker]),
    [['urgent', 'new', 'Urgent', '12 March 2024', 'Cllr Ray Bisby']],
  );
});

test('changes since the previous plan: new, date moved, part changed, and removed with the reason', (t) => {
  const moved = decision({ title: 'Moved', reference: 'KEY/25MAR24/01', expected: { date: '2024-06-03', precision: 'day', text: '', note: '' } });
  const toPrivate = decision({ title: 'Now private', reference: 'KEY/25MAR24/02', part: 'private' });
  const fresh = decision({ title: 'Fresh', reference: 'KEY/08APR24/01' });
  const gone = decision({ title: 'Gone', status: 'withdrawn', withdrawn: { on: '2024-03-15', reason: 'No longer needed' } });
  const done = decision({ title: 'Done', status: 'taken', taken: { on: '2024-03-14', decisionMaker: 'Cabinet' } });
  const before = (d: DecisionFacts, values: Partial<PlanEntryRow>): PlanEntryRow => ({
    id: d.id, plan_id: 1, decision_id: d.id, part: 'key', advertised: 'new', position: 1, reference: d.reference ?? '', title: d.title,
    description: 'd', decision_maker: 'Cabinet', expected_date_text: '20 May 2024', expected_date: '2024-05-20', expected_precision: 'day',
    scrutiny_committee: 'Children and Education Scrutiny Committee', wards: 'All Wards', consultation: '', contacts: '',
    directorate: 'Place and Economy', documents: '', ...values,
  });
  const h = history({
    previousPlan: { id: 1, publishedOn: '2024-03-08', entries: [before(moved, {}), before(toPrivate, {}), before(gone, {}), before(done, {})] },
    listings: new Map([moved, toPrivate, gone, done].map((d) => [d.id, listed('2024-03-08')])),
  });
  const facts = [moved, toPrivate, fresh, gone, done];
  const draft = assembleDraft('2024-03-22', facts, h);
  const changes = changesSincePrevious(draft, new Map(facts.map((f) => [f.id, f])), h);
  t.deepEqual(changes.byDecision[moved.id]?.map((c) => c.text), ['Date moved: 20 May 2024 → 3 June 2024']);
  t.deepEqual(changes.byDecision[toPrivate.id]?.map((c) => c.kind), ['part_changed']);
  t.deepEqual(changes.byDecision[fresh.id]?.map((c) => c.kind), ['new']);
  t.deepEqual(
    changes.removed.map((r) => [r.title, r.reason]),
    [
      ['Gone', 'Withdrawn on 15 March 2024: No longer needed.'],
      ['Done', 'Taken on 14 March 2024.'],
    ],
  );
});

test('entries on the same date follow their references in date order, whatever their spelling', (t) => {
  const feb = { date: '2024-02-01', precision: 'month' as const, text: 'February 2024', note: '' };
  const decisions = ['KEY/12FEB24/01', 'KEY/3JUL23/01', 'KEY/03JUL23/10', 'KEY/3JUL23/2'].map((reference) => decision({ title: reference, reference, expected: feb }));
  const draft = assembleDraft('2024-03-08', decisions, history({ listings: new Map(decisions.map((d) => [d.id, listed('2024-02-23')])) }));
  t.deepEqual(draft.entries.map((e) => e.snapshot.reference), ['KEY/3JUL23/01', 'KEY/3JUL23/2', 'KEY/03JUL23/10', 'KEY/12FEB24/01']);
});
