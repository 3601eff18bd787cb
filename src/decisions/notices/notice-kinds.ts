import { formatLongDate, isIsoDate } from '../../lib/dates.ts';

/*
 * The notices the 2012 Regulations require to be published on the council's website, as the
 * public pages, the feeds and the alerts name them. A notice may be published in stages: a
 * general exception (regulation 10) first, then its notice of reasons (10(2)); a private
 * decision's notice of intention (5(2)), then the further notice (5(4)). Each stage published is
 * one 'notice_published' event of the decision.
 */

export const NOTICE_KINDS = ['general-exception', 'special-urgency', 'private'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_STAGES = { 'general-exception': ['notice', 'reasons'], 'special-urgency': ['notice'], private: ['intention', 'further'] } as const;
export type NoticeStage = (typeof NOTICE_STAGES)[NoticeKind][number];

export const NOTICE_LABELS: Record<NoticeKind, { title: string; regulation: number; plural: string }> = {
  'general-exception': { title: 'General exception notice', regulation: 10, plural: 'General exception notices (regulation 10)' },
  'special-urgency': { title: 'Special urgency notice', regulation: 11, plural: 'Special urgency notices (regulation 11)' },
  private: { title: 'Notice of a decision to be taken in private', regulation: 5, plural: 'Notices of decisions to be taken in private (regulation 5)' },
};

/** Who may agree to special urgency (regulation 11(1)), as the public notice names them. */
export const AGREEMENT_ROLE_TITLES: Record<'scrutiny_chair' | 'council_chair' | 'council_vice_chair', string> = {
  scrutiny_chair: 'Chair of the relevant scrutiny committee',
  council_chair: 'Chair of the council',
  council_vice_chair: 'Vice-chair of the council',
};

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === 'string' && (NOTICE_KINDS as readonly string[]).includes(value);
}

export function noticeTitle(kind: NoticeKind): string {
  return `${NOTICE_LABELS[kind].title} (regulation ${NOTICE_LABELS[kind].regulation})`;
}

/** A notice's page: one of each kind per decision, so the decision's number names it. */
export function noticeUrl(kind: NoticeKind, decisionId: number): string {
  return `/notices/${kind}/${decisionId}`;
}

export interface NoticeEvent {
  notice: NoticeKind;
  stage: NoticeStage;
  publishedOn: string;
}

/** A 'notice_published' event's details, checked: anything else stored there is never read. */
export function noticeEventOf(details: Record<string, unknown>): NoticeEvent | undefined {
  const { notice, stage, publishedOn } = details;
  if (!isNoticeKind(notice) || typeof publishedOn !== 'string' || !isIsoDate(publishedOn)) return undefined;
  if (!(NOTICE_STAGES[notice] as readonly unknown[]).includes(stage)) return undefined;
  return { notice, stage: stage as NoticeStage, publishedOn };
}

const STAGE_TEXT: Record<NoticeKind, Partial<Record<NoticeStage, { headline: string; sentence: (on: string) => string }>>> = {
  'general-exception': {
    notice: {
      headline: 'General exception notice published',
      sentence: (on) => `A general exception notice (regulation 10) was published on ${on}: 28 clear days’ notice of this key decision was impracticable.`,
    },
    reasons: {
      headline: 'Reasons for the general exception published',
      sentence: (on) => `The notice of the reasons why 28 clear days’ notice was impracticable (regulation 10) was published on ${on}.`,
    },
  },
  'special-urgency': {
    notice: {
      headline: 'Special urgency notice published',
      sentence: (on) => `A special urgency notice (regulation 11) was published on ${on}: the decision is urgent and cannot reasonably be deferred.`,
    },
  },
  private: {
    intention: {
      headline: 'Notice of a decision in private published',
      sentence: (on) => `A notice of the intention to take this decision in private (regulation 5) was published on ${on}.`,
    },
    further: {
      headline: 'Further notice of a decision in private published',
      sentence: (on) => `The further notice that this decision is to be taken in private, with the representations received and the response (regulation 5), was published on ${on}.`,
    },
  },
};

/** The headline and sentence the decision page, the feeds and the alerts give a notice's publication. */
export function noticeEventText(event: NoticeEvent): { headline: string; sentence: string } {
  const text = STAGE_TEXT[event.notice][event.stage]!;
  return { headline: text.headline, sentence: text.sentence(formatLongDate(event.publishedOn)) };
}
