import type { DatePrecision, Part } from '../decisions.tables.ts';
import type { NoticeInput } from '../../rules/notice-periods.ts';

export interface DecisionForNotice {
  part: Part;
  isKey: boolean;
  expectedDate: string | null;
  expectedPrecision: DatePrecision | null;
}

export interface ExceptionForNotice {
  regulation: number;
  chair_notified_on: string | null;
  notice_published_on: string | null;
  agreed_by: string;
  agreed_on: string | null;
  reasons: string;
}

/**
 * The notice checks one decision needs. A private decision that is also a key decision must
 * meet both regulation 5 and regulation 9: a separate notice of the intention to decide in
 * private does not put it on a published plan.
 */
export function noticeInputsFor(
  decision: DecisionForNotice,
  /** Null when no published plan gave notice of it (a decision taken before any plan listed it). */
  firstPublishedOn: string | null,
  exceptions: ExceptionForNotice[],
  privateNoticeOn: string | null,
): NoticeInput[] {
  if (decision.part === 'non_key') return [];
  const general = exceptions.find((e) => e.regulation === 10);
  const urgency = exceptions.find((e) => e.regulation === 11);
  const base = {
    expectedDate: decision.expectedDate,
    expectedPrecision: decision.expectedPrecision,
    firstPublishedOn,
    generalException:
      general?.chair_notified_on && general.notice_published_on
        ? { chairNotifiedOn: general.chair_notified_on, noticePublishedOn: general.notice_published_on, reasons: general.reasons }
        : null,
    specialUrgency: urgency?.agreed_on ? { agreedBy: urgency.agreed_by, agreedOn: urgency.agreed_on, reasons: urgency.reasons } : null,
  };
  if (decision.part !== 'private') return [{ ...base, part: decision.part }];
  const inputs: NoticeInput[] = [{ ...base, part: 'private', privateNotice: privateNoticeOn ? { noticePublishedOn: privateNoticeOn } : null }];
  if (decision.isKey) inputs.push({ ...base, part: 'key' });
  return inputs;
}
