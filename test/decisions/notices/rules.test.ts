import test from 'ava';
import { noticeEventOf, noticeEventText, noticeUrl } from '../../../src/decisions/notices/notice-kinds.ts';
import { publishedNotices, publishedStages, type NoticeDates } from '../../../src/decisions/notices/notice-rules.ts';
import { noticeListItems } from '../../../src/decisions/notices/public-notice.view.ts';

const TODAY = '2024-02-26';
const none: NoticeDates = { generalException: null, specialUrgency: null, privateNotice: null };

const cases: { name: string; dates: Partial<NoticeDates>; stages: string[] }[] = [
  { name: 'no records', dates: {}, stages: [] },
  { name: 'general exception published today', dates: { generalException: { noticePublishedOn: TODAY, reasonsNoticePublishedOn: null } }, stages: ['general-exception/notice 2024-02-26'] },
  { name: 'general exception published tomorrow', dates: { generalException: { noticePublishedOn: '2024-02-27', reasonsNoticePublishedOn: null } }, stages: [] },
  {
    name: 'general exception and its notice of reasons',
    dates: { generalException: { noticePublishedOn: '2024-02-20', reasonsNoticePublishedOn: '2024-02-22' } },
    stages: ['general-exception/notice 2024-02-20', 'general-exception/reasons 2024-02-22'],
  },
  {
    name: 'a notice of reasons still to come',
    dates: { generalException: { noticePublishedOn: '2024-02-20', reasonsNoticePublishedOn: '2024-02-27' } },
    stages: ['general-exception/notice 2024-02-20'],
  },
  {
    name: 'a notice of reasons is never shown before its notice',
    dates: { generalException: { noticePublishedOn: '2024-02-27', reasonsNoticePublishedOn: '2024-02-20' } },
    stages: [],
  },
  { name: 'special urgency agreed, no notice of reasons yet', dates: { specialUrgency: { reasonsNoticePublishedOn: null } }, stages: [] },
  { name: 'special urgency with its notice of reasons', dates: { specialUrgency: { reasonsNoticePublishedOn: '2024-02-25' } }, stages: ['special-urgency/notice 2024-02-25'] },
  { name: 'special urgency notice dated in the future', dates: { specialUrgency: { reasonsNoticePublishedOn: '2024-03-01' } }, stages: [] },
  { name: 'private: no dates', dates: { privateNotice: { intentionPublishedOn: null, furtherNoticePublishedOn: null } }, stages: [] },
  {
    name: 'private: intention, then further notice',
    dates: { privateNotice: { intentionPublishedOn: '2024-01-20', furtherNoticePublishedOn: TODAY } },
    stages: ['private/intention 2024-01-20', 'private/further 2024-02-26'],
  },
  { name: 'private: the further notice alone (the plan was the notice of intention)', dates: { privateNotice: { intentionPublishedOn: null, furtherNoticePublishedOn: '2024-02-21' } }, stages: ['private/further 2024-02-21'] },
  { name: 'private: further notice still to come', dates: { privateNotice: { intentionPublishedOn: '2024-01-20', furtherNoticePublishedOn: '2024-03-15' } }, stages: ['private/intention 2024-01-20'] },
];

for (const c of cases) {
  test(`published stages: ${c.name}`, (t) => {
    const stages = publishedStages({ ...none, ...c.dates }, TODAY).map((s) => `${s.notice}/${s.stage} ${s.publishedOn}`);
    t.deepEqual(stages, c.stages);
  });
}

test('a notice is dated by its first stage and updated by its latest', (t) => {
  const dates: NoticeDates = {
    generalException: { noticePublishedOn: '2024-02-20', reasonsNoticePublishedOn: '2024-02-22' },
    specialUrgency: { reasonsNoticePublishedOn: '2024-02-27' },
    privateNotice: { intentionPublishedOn: '2024-01-20', furtherNoticePublishedOn: null },
  };
  t.deepEqual(publishedNotices(dates, TODAY), [
    { kind: 'general-exception', publishedOn: '2024-02-20', lastPublishedOn: '2024-02-22' },
    { kind: 'private', publishedOn: '2024-01-20', lastPublishedOn: '2024-01-20' },
  ]);
});

test('the list: newest first, then the latest stage, then the decision', (t) => {
  const exception = (decision_id: number, regulation: 10 | 11, notice: string | null, reasons: string | null) => ({
    decision_id, regulation, notice_published_on: notice, reasons_notice_published_on: reasons, reference: null, title: `Decision ${decision_id}`,
  });
  const items = noticeListItems(
    {
      exceptions: [exception(1, 10, '2024-02-20', null), exception(2, 10, '2024-02-20', '2024-02-23'), exception(3, 11, null, '2024-02-24'), exception(4, 10, '2024-02-27', null)],
      privateNotices: [{ decision_id: 5, intention_published_on: '2024-02-01', further_notice_published_on: null, reference: 'KEY/X', title: 'Private' }],
    },
    TODAY,
  );
  t.deepEqual(items.map((i) => `${i.kind} ${i.decision.id}`), ['special-urgency 3', 'general-exception 2', 'general-exception 1', 'private 5']);
  t.is(items[0]!.url, '/notices/special-urgency/3');
  t.deepEqual(items[3]!.decision, { id: 5, url: '/decisions/5', reference: 'KEY/X', title: 'Private' });
});

test('event details are read only when they name a known notice, stage and date', (t) => {
  t.deepEqual(noticeEventOf({ notice: 'private', stage: 'further', publishedOn: TODAY, reasons: 'EXEMPT' }), { notice: 'private', stage: 'further', publishedOn: TODAY });
  t.is(noticeEventOf({ notice: 'private', stage: 'reasons', publishedOn: TODAY }), undefined, 'a stage of another notice');
  t.is(noticeEventOf({ notice: 'other', stage: 'notice', publishedOn: TODAY }), undefined);
  t.is(noticeEventOf({ notice: 'special-urgency', stage: 'notice', publishedOn: '26 February' }), undefined);
  t.is(
    noticeEventText({ notice: 'special-urgency', stage: 'notice', publishedOn: TODAY }).sentence,
    'A special urgency notice (regulation 11) was published on 26 February 2024: the decision is urgent and cannot reasonably be deferred.',
  );
  t.is(noticeUrl('general-exception', 12), '/notices/general-exception/12');
});
