import type { NoticeKind, NoticeStage } from './notice-kinds.ts';

/*
 * When a notice is public: once the date staff recorded it as published has come (today, by the
 * injected clock, or earlier). The pages compute it from the dates on every render, so a date
 * still to come needs no job to appear; the events behind the feeds and alerts are recorded from
 * the same function (notice-announcements.ts). Whether the decision itself is public is the
 * caller's question: a draft's notices are never shown.
 */

/** The publication dates of one decision's notice records, whichever exist. */
export interface NoticeDates {
  generalException: { noticePublishedOn: string; reasonsNoticePublishedOn: string | null } | null;
  specialUrgency: { reasonsNoticePublishedOn: string | null } | null;
  privateNotice: { intentionPublishedOn: string | null; furtherNoticePublishedOn: string | null } | null;
}

export interface PublishedStage {
  notice: NoticeKind;
  stage: NoticeStage;
  publishedOn: string;
}

export interface PublishedNotice {
  kind: NoticeKind;
  /** The first stage's publication: the notice's date. */
  publishedOn: string;
  /** The latest stage's (a notice of reasons, a further notice); the same date when there is one stage. */
  lastPublishedOn: string;
}

const due = (date: string | null | undefined, today: string): date is string => typeof date === 'string' && date <= today;

/**
 * Every stage published by `today`, in the order of the Regulations. A general exception's notice
 * of reasons belongs to the notice: it is not shown before the notice itself. The regulation 11
 * notice is the notice of reasons; the agreement alone is not published.
 */
export function publishedStages(dates: NoticeDates, today: string): PublishedStage[] {
  const stages: PublishedStage[] = [];
  const { generalException, specialUrgency, privateNotice } = dates;
  if (generalException && due(generalException.noticePublishedOn, today)) {
    stages.push({ notice: 'general-exception', stage: 'notice', publishedOn: generalException.noticePublishedOn });
    if (due(generalException.reasonsNoticePublishedOn, today)) {
      stages.push({ notice: 'general-exception', stage: 'reasons', publishedOn: generalException.reasonsNoticePublishedOn });
    }
  }
  if (specialUrgency && due(specialUrgency.reasonsNoticePublishedOn, today)) {
    stages.push({ notice: 'special-urgency', stage: 'notice', publishedOn: specialUrgency.reasonsNoticePublishedOn });
  }
  if (privateNotice && due(privateNotice.intentionPublishedOn, today)) {
    stages.push({ notice: 'private', stage: 'intention', publishedOn: privateNotice.intentionPublishedOn });
  }
  if (privateNotice && due(privateNotice.furtherNoticePublishedOn, today)) {
    stages.push({ notice: 'private', stage: 'further', publishedOn: privateNotice.furtherNoticePublishedOn });
  }
  return stages;
}

/** One entry per notice with any stage published, with its first and latest publication dates. */
export function publishedNotices(dates: NoticeDates, today: string): PublishedNotice[] {
  const byKind = new Map<NoticeKind, PublishedNotice>();
  for (const { notice, publishedOn } of publishedStages(dates, today)) {
    const found = byKind.get(notice);
    if (!found) byKind.set(notice, { kind: notice, publishedOn, lastPublishedOn: publishedOn });
    else {
      if (publishedOn < found.publishedOn) found.publishedOn = publishedOn;
      if (publishedOn > found.lastPublishedOn) found.lastPublishedOn = publishedOn;
    }
  }
  return [...byKind.values()];
}
