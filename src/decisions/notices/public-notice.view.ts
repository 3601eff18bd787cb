import { generalExceptionEarliestDate } from '../../rules/notice-periods.ts';
import type { PublicDecision } from '../decision.view.ts';
import { AGREEMENT_ROLE_TITLES, NOTICE_KINDS, NOTICE_LABELS, noticeTitle, noticeUrl, type NoticeKind } from './notice-kinds.ts';
import { publishedNotices, publishedStages, type NoticeDates } from './notice-rules.ts';
import type { ExceptionRecord, PrivateNoticeRecord } from './notice.repository.ts';
import type { ClearDaysMode } from '../../rules/clear-days.ts';

/*
 * The public notices in camelCase, from the records' public columns and the PublicDecision (the
 * matter, its decision maker, the Schedule 12A paragraph and public reason of a private item:
 * never the exempt information). A stage not yet published shows nothing of its own content.
 */

type ExceptionDates = Pick<ExceptionRecord, 'regulation' | 'notice_published_on' | 'reasons_notice_published_on'>;
type PrivateDates = Pick<PrivateNoticeRecord, 'intention_published_on' | 'further_notice_published_on'>;

export function noticeDatesOf(exceptions: ExceptionDates[], privateNotices: PrivateDates[]): NoticeDates {
  const general = exceptions.find((e) => e.regulation === 10);
  const urgency = exceptions.find((e) => e.regulation === 11);
  const notice = privateNotices[0];
  return {
    generalException: general?.notice_published_on
      ? { noticePublishedOn: general.notice_published_on, reasonsNoticePublishedOn: general.reasons_notice_published_on }
      : null,
    specialUrgency: urgency ? { reasonsNoticePublishedOn: urgency.reasons_notice_published_on } : null,
    privateNotice: notice ? { intentionPublishedOn: notice.intention_published_on, furtherNoticePublishedOn: notice.further_notice_published_on } : null,
  };
}

/** A decision's notice as its page and /api/v1/decisions/:id link to it. */
export interface NoticeLink {
  kind: NoticeKind;
  title: string;
  publishedOn: string;
  lastPublishedOn: string;
  url: string;
}

export function noticeLinks(decisionId: number, dates: NoticeDates, today: string): NoticeLink[] {
  return publishedNotices(dates, today).map((n) => ({ ...n, title: noticeTitle(n.kind), url: noticeUrl(n.kind, decisionId) }));
}

/** One line of /notices: the notice and the decision it is about. */
export interface NoticeListItem extends NoticeLink {
  decision: { id: number; url: string; reference: string | null; title: string };
}

interface IndexDecision {
  decision_id: number;
  reference: string | null;
  title: string;
}

type NoticeIndex = { exceptions: (ExceptionDates & IndexDecision)[]; privateNotices: (PrivateDates & IndexDecision)[] };

/** The index's records, decision by decision. */
export function noticeDatesByDecision(index: NoticeIndex): { decision: IndexDecision; dates: NoticeDates }[] {
  const decisions = new Map<number, IndexDecision>();
  for (const row of [...index.exceptions, ...index.privateNotices]) decisions.set(row.decision_id, row);
  return [...decisions.values()].map((decision) => ({
    decision,
    dates: noticeDatesOf(
      index.exceptions.filter((e) => e.decision_id === decision.decision_id),
      index.privateNotices.filter((p) => p.decision_id === decision.decision_id),
    ),
  }));
}

/** Every published notice of these records, newest first (then the latest stage, then the decision). */
export function noticeListItems(index: NoticeIndex, today: string): NoticeListItem[] {
  const items = noticeDatesByDecision(index).flatMap(({ decision: d, dates }) => {
    const decision = { id: d.decision_id, url: `/decisions/${d.decision_id}`, reference: d.reference, title: d.title };
    return noticeLinks(d.decision_id, dates, today).map((link) => ({ ...link, decision }));
  });
  const order = (kind: NoticeKind) => NOTICE_KINDS.indexOf(kind);
  return items.sort(
    (a, b) =>
      b.publishedOn.localeCompare(a.publishedOn) ||
      b.lastPublishedOn.localeCompare(a.lastPublishedOn) ||
      b.decision.id - a.decision.id ||
      order(a.kind) - order(b.kind),
  );
}

interface NoticeBase extends NoticeLink {
  regulation: number;
  decision: PublicDecision;
}

export interface GeneralExceptionNotice extends NoticeBase {
  kind: 'general-exception';
  /** Regulation 10(1)(a): the chair of the relevant scrutiny committee, informed in writing. */
  chair: { name: string; informedOn: string };
  /** Regulation 10(1)(b): the notice made available at the offices and on the website. */
  madeAvailableOn: string;
  /** Regulation 10(1)(c): five clear days after the later of the two. */
  earliestDecisionDate: string;
  /** Regulation 10(2): the notice of reasons, once published. */
  reasonsNotice: { publishedOn: string; reasons: string } | null;
}

export interface SpecialUrgencyNotice extends NoticeBase {
  kind: 'special-urgency';
  agreedBy: { name: string; role: keyof typeof AGREEMENT_ROLE_TITLES; roleTitle: string };
  agreedOn: string;
  /** Why the decision is urgent and cannot reasonably be deferred (regulation 11(2)). */
  reasons: string;
}

export interface PrivateDecisionNotice extends NoticeBase {
  kind: 'private';
  /** False once the decision has left Part 2: the notices stand as published, but it is no longer to be taken in private. */
  inPrivate: boolean;
  /** The Schedule 12A paragraph and the public reason (regulation 5(3)), never the exempt information. */
  reason: PublicDecision['exemption'];
  /** Regulation 5(2): at least 28 clear days before. */
  intention: { publishedOn: string } | null;
  /** Regulation 5(4)-(5): at least 5 clear days before, with the representations received and the response. */
  furtherNotice: { publishedOn: string; representations: string; response: string } | null;
}

export type PublicNotice = GeneralExceptionNotice | SpecialUrgencyNotice | PrivateDecisionNotice;

/** One notice of a public decision, or undefined while it is not (or not yet) published. */
export function toPublicNotice(
  kind: NoticeKind,
  decision: PublicDecision,
  records: { exceptions: ExceptionRecord[]; privateNotices: PrivateNoticeRecord[] },
  today: string,
  clearDays: ClearDaysMode = 'calendar',
): PublicNotice | undefined {
  const dates = noticeDatesOf(records.exceptions, records.privateNotices);
  const link = noticeLinks(decision.id, dates, today).find((n) => n.kind === kind);
  if (!link) return undefined;
  const stages = new Set(publishedStages(dates, today).filter((s) => s.notice === kind).map((s) => s.stage));
  const base = { ...link, regulation: NOTICE_LABELS[kind].regulation, decision };
  if (kind === 'private') {
    const row = records.privateNotices[0]!;
    return {
      ...base,
      kind,
      inPrivate: decision.part === 'private',
      reason: decision.exemption,
      intention: stages.has('intention') ? { publishedOn: row.intention_published_on! } : null,
      furtherNotice: stages.has('further') ? { publishedOn: row.further_notice_published_on!, representations: row.representations, response: row.response } : null,
    };
  }
  const row = records.exceptions.find((e) => e.regulation === (kind === 'general-exception' ? 10 : 11))!;
  if (kind === 'special-urgency') {
    // The table's CHECK holds a role on every regulation 11 record.
    const role = row.agreed_by_role!;
    return { ...base, kind, agreedBy: { name: row.agreed_by, role, roleTitle: AGREEMENT_ROLE_TITLES[role] }, agreedOn: row.agreed_on!, reasons: row.reasons };
  }
  return {
    ...base,
    kind,
    chair: { name: row.agreed_by, informedOn: row.chair_notified_on! },
    madeAvailableOn: row.notice_published_on!,
    earliestDecisionDate: generalExceptionEarliestDate(row.chair_notified_on!, row.notice_published_on!, clearDays),
    reasonsNotice: stages.has('reasons') ? { publishedOn: row.reasons_notice_published_on!, reasons: row.reasons } : null,
  };
}
