import type { DatePrecision, DecisionStatus, Part, WardScope } from '../decisions/decisions.tables.ts';
import type { PlanEntryRow } from '../plans/plans.tables.ts';

/** What the draft needs to know about one decision: its current data, as staff keep it. */
export interface DecisionFacts {
  id: number;
  reference: string | null;
  title: string;
  description: string;
  part: Part;
  isKey: boolean;
  status: DecisionStatus;
  expected: { date: string | null; precision: DatePrecision | null; text: string; note: string };
  maker: { kind: 'cabinet' | 'member'; name: string; portfolio: string | null };
  /** Names, in the order staff listed them. */
  committees: string[];
  wards: { scope: WardScope; text: string; names: string[] };
  consultation: string;
  contacts: string;
  directorate: string;
  documents: string;
  exemption: { paragraph: number | null; reason: string };
  /** Regulation 10 and 11 records. */
  exceptions: NoticeExceptionFacts[];
  /** Regulation 5 notice of the intention to decide in private, given apart from the plan. */
  privateNoticeOn: string | null;
  taken: { on: string; decisionMaker: string } | null;
  withdrawn: { on: string; reason: string } | null;
}

export interface NoticeExceptionFacts {
  regulation: 10 | 11;
  chairNotifiedOn: string | null;
  noticePublishedOn: string | null;
  agreedBy: string;
  agreedOn: string | null;
  reasons: string;
}

/** How a decision has appeared in the plans published before the one being drafted. */
export interface ListingHistory {
  firstListedOn: string;
  /** Whether the first plan we hold already called it previously advertised (an imported plan). */
  firstListedAs: 'new' | 'previous';
  /** First plan that listed it where a key decision is listed (Parts 1, 2 and 4). */
  firstKeyListingOn: string | null;
  /** First plan that listed it in Part 2. */
  firstPrivateListingOn: string | null;
  listedInPart4: boolean;
}

export interface PublicationHistory {
  previousPlan: { id: number; publishedOn: string; entries: PlanEntryRow[] } | null;
  listings: Map<number, ListingHistory>;
  /** The canonical form of every reference ever given, to decisions or printed in a plan. */
  usedReferences: Set<string>;
}
