import test from 'ava';
import { describeEvent } from '../../src/feeds/event-text.ts';

test('each kind of event reads as a headline and a sentence', (t) => {
  t.like(describeEvent({ kind: 'advertised', details: { part: 'private', advertised: 'new' }, planPublishedOn: '2024-02-23' }), {
    headline: 'First advertised',
    sentence: 'First advertised in the Forward Plan published 23 February 2024, in Part 2 – Notice of intention to take decisions in private.',
  });
  t.like(
    describeEvent({
      kind: 'date_changed',
      details: { from: { date: '2024-05-01', precision: 'month', text: 'May 2024' }, to: { date: '2024-06-17', precision: 'day', text: '17 June' } },
      planPublishedOn: '2024-03-08',
    }),
    { headline: 'Expected date changed to 17 June 2024', sentence: 'The expected date changed from May 2024 to 17 June 2024 in the plan published 8 March 2024.' },
  );
  t.like(describeEvent({ kind: 'part_changed', details: { from: 'key', to: 'non_key' }, planPublishedOn: null }), {
    headline: 'Moved to Part 3 – Non-key decisions',
    sentence: 'Moved from Part 1 – Key decisions to Part 3 – Non-key decisions.',
  });
  t.like(describeEvent({ kind: 'deferred', details: { newExpectedDate: '2024-09-01', newExpectedPrecision: 'month' }, planPublishedOn: null }), {
    headline: 'Deferred to September 2024',
    sentence: 'The decision was deferred; it is now expected in September 2024.',
  });
  t.like(describeEvent({ kind: 'taken', details: { part: 'urgent', advertised: 'new' }, planPublishedOn: '2024-02-23' }), { headline: 'Taken under urgency' });
  t.like(describeEvent({ kind: 'notice_published', details: { notice: 'private', stage: 'further', publishedOn: '2024-03-01', url: '/notices/private/3' }, planPublishedOn: null }), {
    headline: 'Further notice of a decision in private published',
    sentence: 'The further notice that this decision is to be taken in private, with the representations received and the response (regulation 5), was published on 1 March 2024.',
    publicNotice: 'private',
  });
  // Details that name no known notice say only that a notice was published.
  t.like(describeEvent({ kind: 'notice_published', details: { notice: 'private', stage: 'further', reasons: 'EXEMPT' }, planPublishedOn: null }), {
    sentence: 'A notice about this decision was published.',
    publicNotice: undefined,
  });
});

test('only the outcome fields named are read from details, whatever else is stored there', (t) => {
  const taken = describeEvent({
    kind: 'taken',
    details: { summary: 'Approved', notice_url: 'javascript:alert(1)', recordedBy: 'staff@example.org', internalNotes: 'secret' },
    planPublishedOn: null,
  });
  t.deepEqual(taken.facts, [{ label: 'Decision', text: 'Approved' }]);
  t.is(taken.noticeUrl, undefined, 'only http(s) links');
  t.false(JSON.stringify(taken).includes('secret'));
  t.false(JSON.stringify(taken).includes('staff@example.org'));
  // As the staff outcome form records them (src/decisions/staff/outcome.service.ts).
  t.like(
    describeEvent({ kind: 'taken', details: { takenOn: '2024-06-17', decisionMaker: 'Cabinet', summary: 'Adopted', noticeUrl: 'https://example.org/n' }, planPublishedOn: null }),
    { sentence: 'The decision was taken on 17 June 2024.', facts: [{ label: 'Decision', text: 'Adopted' }, { label: 'Taken by', text: 'Cabinet' }], noticeUrl: 'https://example.org/n' },
  );
  t.like(
    describeEvent({ kind: 'deferred', details: { from: { date: '2024-06-17', precision: 'day', text: '17 June' }, to: { date: '2024-09-01', precision: 'month', text: 'September 2024' }, reason: 'Awaiting consultation' }, planPublishedOn: null }),
    { headline: 'Deferred to September 2024', facts: [{ label: 'Reason', text: 'Awaiting consultation' }] },
  );
  const withdrawn = describeEvent({ kind: 'withdrawn', details: { withdrawal_reason: 'No longer needed', occurred_on: '2024-04-02' }, planPublishedOn: null });
  t.is(withdrawn.sentence, 'The decision was withdrawn on 2 April 2024.');
  t.deepEqual(withdrawn.facts, [{ label: 'Reason', text: 'No longer needed' }]);
  t.deepEqual(describeEvent({ kind: 'withdrawn', details: {}, planPublishedOn: null }).facts, []);
});
