import test from 'ava';
import { decisionIdByReference, decisionIdByTitle, postForm, sharedStaffDecisionsWorld, validDecisionForm } from '../../staff-decisions/helpers.ts';
import { generalExceptionForm, privateNoticeForm, publicJson, publicPage, specialUrgencyForm } from './helpers.ts';

/*
 * The regulation 10, 11 and 5 notices as the public reads them: each its own page once its date
 * has come, with what the Regulations require it to say and nothing staff-only; linked from the
 * decision page and its JSON; listed at /notices. Read without cookies, through the response
 * cache, so each check also shows the cache letting a saved notice through at once.
 */

const holder = sharedStaffDecisionsWorld(test);
const STAFF_ONLY = ['INTERNAL NOTE', 'Acme Holdings', 'publisher@example.gov.uk', 'Pat Publisher'];

function hasNothingStaffOnly(t: import('ava').ExecutionContext, text: string) {
  for (const secret of STAFF_ONLY) t.false(text.includes(secret), `“${secret}” is not public`);
}

async function withInternalNotes(id: number) {
  await holder.world.app.deps.db
    .updateTable('decisions')
    .set({ internal_notes: 'INTERNAL NOTE: exempt detail – the buyer is Acme Holdings at £2.1m' })
    .where('id', '=', id)
    .execute();
}

interface NoticeItem {
  kind: string;
  title: string;
  publishedOn: string;
  lastPublishedOn: string;
  url: string;
  decision?: { id: number; url: string; reference: string | null; title: string };
}

test.serial('a general exception notice: public from its date, with the chair, the dates, the earliest date and later its reasons', async (t) => {
  const { app, as } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/25MAR24/01');
  await withInternalNotes(id);
  const url = `/notices/general-exception/${id}`;
  // Rendered and cached before the notice exists.
  t.is((await publicPage(app, url)).status, 404);
  t.regex((await publicPage(app, '/notices')).text, /0 notices/);
  t.false((await publicPage(app, `/decisions/${id}`)).html.includes('id="notices"'));

  const saved = await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, generalExceptionForm({ chairNotifiedOn: '2024-02-23', noticePublishedOn: '2024-02-26' }));
  t.is(saved.status, 303);

  const notice = await publicPage(app, url);
  t.is(notice.status, 200);
  t.regex(notice.text, /Regulation 10 General exception notice Published on 26 February 2024/);
  t.regex(notice.text, /The matter to be decided KEY\/25MAR24\/01: /);
  t.true(notice.text.includes('Chair of the relevant scrutiny committee informed Cllr Jane Smith, informed in writing on 23 February 2024'));
  t.true(notice.text.includes('Notice made available to the public 26 February 2024'));
  t.true(notice.text.includes('Earliest date the decision may be taken 3 March 2024 (5 clear days after the later of the two)'));
  t.true(notice.text.includes('A notice setting out the reasons will be published here as soon as reasonably practicable'));
  t.false(notice.text.includes('The grant offer expires'), 'the reasons wait for their own notice');
  hasNothingStaffOnly(t, notice.html);

  const decisionPage = await publicPage(app, `/decisions/${id}`);
  t.true(decisionPage.text.includes('Notices General exception notice (regulation 10), published on 26 February 2024'));
  t.true(decisionPage.html.includes(`href="${url}"`));
  t.true(decisionPage.text.includes('A general exception notice (regulation 10) was published on 26 February 2024'), 'in the changes too');

  const api = await publicJson<Record<string, unknown> & { notices: NoticeItem[] }>(app, `/api/v1/decisions/${id}`);
  t.deepEqual(api.body.notices, [{ kind: 'general-exception', title: 'General exception notice (regulation 10)', publishedOn: '2024-02-26', lastPublishedOn: '2024-02-26', url }]);
  for (const field of ['id', 'url', 'reference', 'title', 'description', 'part', 'status', 'decisionMaker', 'expectedDate', 'exemption', 'updatedAt', 'outcome', 'history']) {
    t.true(field in api.body, `${field} is still there`);
  }
  hasNothingStaffOnly(t, JSON.stringify(api.body));

  const list = await publicPage(app, '/notices');
  t.regex(list.text, /1 notice .*General exception notice \(regulation 10\) Published on 26 February 2024 About KEY\/25MAR24\/01: /);

  // The notice of reasons, published later: the page shows it at once, and an edit of its text too.
  const reasons = generalExceptionForm({ chairNotifiedOn: '2024-02-23', noticePublishedOn: '2024-02-26', reasonsNoticePublishedOn: '2024-02-26' });
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, reasons)).status, 303);
  const withReasons = await publicPage(app, url);
  t.true(withReasons.text.includes('Why 28 clear days’ notice is impracticable Notice of reasons published on 26 February 2024 (regulation 10(2)). The grant offer expires on 8 March'));
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, { ...reasons, reasons: 'The grant offer expires on 7 March.' })).status, 303);
  t.true((await publicPage(app, url)).text.includes('The grant offer expires on 7 March.'));
  const json = await publicJson<{ kind: string; chair: unknown; earliestDecisionDate: string; reasonsNotice: unknown }>(app, `/api/v1${url}`);
  t.like(json.body, { kind: 'general-exception', chair: { name: 'Cllr Jane Smith', informedOn: '2024-02-23' }, earliestDecisionDate: '2024-03-03' });
  t.deepEqual(json.body.reasonsNotice, { publishedOn: '2024-02-26', reasons: 'The grant offer expires on 7 March.' });
  hasNothingStaffOnly(t, JSON.stringify(json.body));
});

test.serial('a special urgency notice is public once its notice of reasons is published, naming who agreed, in what role, when and why', async (t) => {
  const { app, as } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/25MAR24/02');
  const url = `/notices/special-urgency/${id}`;
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/special-urgency`, specialUrgencyForm({ agreedOn: '2024-02-24' }))).status, 303);
  t.is((await publicPage(app, url)).status, 404, 'agreed, but no notice published');
  t.is((await publicJson(app, `/api/v1${url}`)).status, 404);
  t.deepEqual((await publicJson<{ notices: unknown[] }>(app, `/api/v1/decisions/${id}`)).body.notices, []);
  t.false((await publicPage(app, '/notices')).html.includes(url));

  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/special-urgency`, specialUrgencyForm({ agreedOn: '2024-02-24', reasonsNoticePublishedOn: '2024-02-25' }))).status, 303);
  const notice = await publicPage(app, url);
  t.is(notice.status, 200);
  t.regex(notice.text, /Regulation 11 Special urgency notice Published on 25 February 2024/);
  t.true(notice.text.includes('Agreed by Cllr Sam Jones, chair of the council'));
  t.true(notice.text.includes('Agreed on 24 February 2024'));
  t.true(notice.text.includes('Why the decision is urgent and cannot reasonably be deferred Storm damage to the bridge must be repaired before the spring tides.'));
  hasNothingStaffOnly(t, notice.html);
  t.true((await publicPage(app, '/notices')).html.includes(`href="${url}"`));
});

test.serial('a private decision’s notices: the Schedule 12A paragraph and public reason, the further notice with the representations and the response', async (t) => {
  const { app, as } = holder.world;
  const id = await decisionIdByTitle(app, 'Blue Sky Peterborough');
  await app.deps.db.updateTable('decisions').set({ exempt_paragraph: 3, exemption_reason: 'The terms of the dissolution are commercially sensitive.' }).where('id', '=', id).execute();
  await withInternalNotes(id);
  const url = `/notices/private/${id}`;
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/private-notice`, privateNoticeForm({ intentionPublishedOn: '2024-02-20' }))).status, 303);
  const first = await publicPage(app, url);
  t.regex(first.text, /Regulation 5 Notice of a decision to be taken in private Published on 20 February 2024/);
  t.true(first.text.includes('Why it is to be taken in private Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972: Information relating to the financial or business affairs of any particular person (including the authority holding that information). The terms of the dissolution are commercially sensitive.'));
  t.true(first.text.includes('Notice of intention Published on 20 February 2024, at least 28 clear days before the meeting'));
  t.true(first.text.includes('A further notice, with any representations received'));

  const further = privateNoticeForm({
    intentionPublishedOn: '2024-02-20',
    furtherNoticePublishedOn: '2024-02-26',
    representations: 'A resident asked for the meeting to be held in public.',
    response: 'The report sets out commercial terms that are exempt; the decision itself will be published.',
  });
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/private-notice`, further)).status, 303);
  const notice = await publicPage(app, url);
  t.regex(notice.text, /Published on 20 February 2024, updated on 26 February 2024/);
  t.true(notice.text.includes('Further notice Published on 26 February 2024, at least 5 clear days before the meeting'));
  t.true(notice.text.includes('Representations received about why the meeting should be open to the public A resident asked for the meeting to be held in public.'));
  t.true(notice.text.includes('The response to the representations The report sets out commercial terms that are exempt'));
  hasNothingStaffOnly(t, notice.html);
  hasNothingStaffOnly(t, JSON.stringify((await publicJson(app, `/api/v1${url}`)).body));
  t.true((await publicPage(app, `/decisions/${id}`)).text.includes('Notice of a decision to be taken in private (regulation 5), published on 20 February 2024 (updated on 26 February 2024)'));
});

test.serial('/notices lists every published notice newest first, filters by kind, pages, and refuses a bad address with messages', async (t) => {
  const { app } = holder.world;
  const all = await publicJson<{ items: NoticeItem[]; total: number; page: number; limit: number }>(app, '/api/v1/notices');
  t.is(all.status, 200);
  t.deepEqual(all.body.items.map((i) => [i.kind, i.publishedOn]), [['general-exception', '2024-02-26'], ['special-urgency', '2024-02-25'], ['private', '2024-02-20']]);
  t.like(all.body, { total: 3, page: 1, limit: 25 });
  t.deepEqual(Object.keys(all.body.items[0]!).sort(), ['decision', 'kind', 'lastPublishedOn', 'publishedOn', 'title', 'url']);

  const privateOnly = await publicPage(app, '/notices?kind=private');
  t.regex(privateOnly.text, /1 notice match your filters/);
  t.true(privateOnly.html.includes('checked'), 'the filter shows what is chosen');
  t.true(privateOnly.text.includes('Blue Sky Peterborough'));
  const two = await publicJson<{ items: NoticeItem[] }>(app, '/api/v1/notices?kind=general-exception,special-urgency');
  t.deepEqual(two.body.items.map((i) => i.kind), ['general-exception', 'special-urgency']);

  const second = await publicPage(app, '/notices?limit=1&page=2');
  t.regex(second.text, /3 notices .*Special urgency notice/);
  t.true(second.html.includes('govuk-pagination'));
  t.false(second.text.includes('Blue Sky'));

  const bad = await publicPage(app, '/notices?kind=urgent&page=0');
  t.is(bad.status, 400);
  t.true(bad.text.includes("'kind' must be one of general-exception, special-urgency, private (not urgent)"));
  t.true(bad.text.includes("'page' must be a whole number from 1 to 10000"));
  const badJson = await publicJson<{ error: { status: number; details: string[] } }>(app, '/api/v1/notices?kind=x&kind=private');
  t.is(badJson.status, 400);
  t.deepEqual(badJson.body.error.details, ["'kind' must be one of general-exception, special-urgency, private (not x)"]);
  t.is((await publicPage(app, '/notices/regulation-10/1')).status, 404);
  t.is((await publicPage(app, '/notices/private/99999999999')).status, 404);
});

test.serial('a draft’s notice is not public; a notice dated in the future appears on its day', async (t) => {
  const { app, as } = holder.world;
  const created = await postForm(app, as.editor, '/admin/decisions', await validDecisionForm(app, { title: 'Emergency flood barrier', expectedDate: '1 June 2024' }));
  t.is(created.status, 303);
  const draft = await decisionIdByTitle(app, 'Emergency flood barrier');
  t.is((await postForm(app, as.publisher, `/admin/decisions/${draft}/general-exception`, generalExceptionForm({ chairNotifiedOn: '2024-02-26', noticePublishedOn: '2024-02-26' }))).status, 303);
  t.is((await publicPage(app, `/notices/general-exception/${draft}`)).status, 404);
  t.false((await publicPage(app, '/notices')).text.includes('Emergency flood barrier'));
  t.false(JSON.stringify((await publicJson(app, '/api/v1/notices')).body).includes('Emergency flood barrier'));
  const draftEvents = await app.deps.db.selectFrom('decision_events').select('id').where('decision_id', '=', draft).execute();
  t.deepEqual(draftEvents, [], 'nothing in the feeds either');

  // The forms take no future date; a record made otherwise (an import, by hand) waits for its day.
  const later = await decisionIdByReference(app, 'KEY/26FEB24/01');
  await app.deps.db
    .insertInto('notice_exceptions')
    .values({ decision_id: later, regulation: 10, chair_notified_on: '2024-02-26', notice_published_on: '2024-02-28', agreed_by: 'Cllr Jane Smith', agreed_by_role: 'scrutiny_chair', reasons: 'Contract break clause.', recorded_at: new Date() })
    .execute();
  const url = `/notices/general-exception/${later}`;
  t.is((await publicPage(app, url)).status, 404);
  t.false((await publicPage(app, '/notices')).html.includes(url));
  t.deepEqual((await publicJson<{ notices: unknown[] }>(app, `/api/v1/decisions/${later}`)).body.notices, []);

  app.clock.set('2024-02-28T00:10:00Z');
  t.is((await publicPage(app, url)).status, 200);
  t.true((await publicPage(app, '/notices')).html.includes(`href="${url}"`), 'yesterday’s cached list has expired at midnight');
  t.is((await publicJson<{ notices: unknown[] }>(app, `/api/v1/decisions/${later}`)).body.notices.length, 1);
});
