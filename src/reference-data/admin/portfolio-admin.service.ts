import type { Db } from '../../db/create-db.ts';
import type { Executor } from '../../db/executor.ts';
import { formatLongDate } from '../../lib/dates.ts';
import { insertPortfolio } from '../reference-data.repository.ts';
import { readDateInput, type DateFields, type DateInput } from '../../lib/date-input.ts';
import { entityById } from './entity-admin.repository.ts';
import { refused, succeeded, type FieldProblems, type FormResult } from './form-result.ts';
import { portfoliosOf, updatePortfolio } from './portfolio-admin.repository.ts';
import { overlapMessage, overlappingPortfolio, titleProblem, type HeldPortfolio } from './portfolio-rules.ts';
import { changedFields, recordReferenceChange, type ChangeAuthor } from './reference-data-changes.repository.ts';

export interface PortfolioInput {
  title: string;
  startsOn: DateFields;
  endsOn: DateFields;
}

interface Period {
  title: string;
  startsOn: string | null;
  endsOn: string | null;
}

/** A date box's problem goes to the first box it concerns, where the error summary links. */
function dateProblem(problems: FieldProblems, id: string, input: DateInput): void {
  if (input.kind === 'invalid') problems[`${id}-${input.parts[0]}`] = input.message;
}

/**
 * The rules of a portfolio's period: real dates, an end not before the start, and no overlap
 * with the person's other portfolios (see portfolio-rules.ts). A start may stay blank only on a
 * portfolio recorded without one (seed data, or one the import created).
 */
function validate(input: PortfolioInput, others: HeldPortfolio[], options: { exceptId?: number; startMayBeBlank: boolean }): FormResult<Period> {
  const problems: FieldProblems = {};
  const title = titleProblem(input.title);
  if (title) problems.title = title;
  const start = readDateInput(input.startsOn, 'The start date');
  const end = readDateInput(input.endsOn, 'The end date');
  if (start.kind === 'empty' && !options.startMayBeBlank) problems['startsOn-day'] = 'Enter the date the portfolio started';
  dateProblem(problems, 'startsOn', start);
  dateProblem(problems, 'endsOn', end);
  const startsOn = start.kind === 'date' ? start.iso : null;
  const endsOn = end.kind === 'date' ? end.iso : null;
  if (startsOn && endsOn && endsOn < startsOn) {
    problems['endsOn-day'] = `The end date must be the same as or after the start date (${formatLongDate(startsOn)})`;
  }
  if (Object.keys(problems).length > 0) return refused(problems);
  const clash = overlappingPortfolio({ startsOn, endsOn }, others, options.exceptId);
  if (clash) return refused({ 'startsOn-day': overlapMessage(clash) });
  return succeeded({ title: input.title, startsOn, endsOn });
}

const asFields = (p: { title: string; startsOn: string | null; endsOn: string | null }) => ({ title: p.title, startsOn: p.startsOn, endsOn: p.endsOn });

/** A change to one of a member's portfolios, recorded against the member with the period before and after. */
function recordPortfolioChange(
  trx: Executor,
  by: ChangeAuthor,
  maker: { name: string; id: number },
  action: 'portfolio_updated' | 'portfolio_ended',
  portfolioId: number,
  before: Period,
  after: Period,
): Promise<void> {
  return recordReferenceChange(trx, by, {
    kind: 'decision_maker',
    entityId: maker.id,
    entityName: maker.name,
    action,
    fields: { portfolio: { from: { id: portfolioId, ...asFields(before) }, to: { id: portfolioId, ...asFields(after) } } },
  });
}

/** A Cabinet Member's portfolios over time. Every method answers undefined when the member or portfolio does not exist. */
export function createPortfolioAdmin(db: Db) {
  async function member(id: number) {
    const maker = await entityById(db, 'decision_maker', id);
    return maker?.makerKind === 'member' ? maker : undefined;
  }

  return {
    member,
    list: (makerId: number) => portfoliosOf(db, makerId),

    async get(makerId: number, portfolioId: number) {
      if (!(await member(makerId))) return undefined;
      return (await portfoliosOf(db, makerId)).find((p) => p.id === portfolioId);
    },

    async add(makerId: number, input: PortfolioInput, by: ChangeAuthor): Promise<FormResult<{ id: number }> | undefined> {
      const maker = await member(makerId);
      if (!maker) return undefined;
      const checked = validate(input, await portfoliosOf(db, makerId), { startMayBeBlank: false });
      if (!checked.ok) return checked;
      const p = checked.value;
      const id = await db.transaction().execute(async (trx) => {
        const portfolioId = await insertPortfolio(trx, { decision_maker_id: makerId, title: p.title, starts_on: p.startsOn, ends_on: p.endsOn });
        await recordReferenceChange(trx, by, {
          kind: 'decision_maker',
          entityId: makerId,
          entityName: maker.name,
          action: 'portfolio_added',
          fields: { portfolio: { from: null, to: { id: portfolioId, ...asFields(p) } } },
        });
        return portfolioId;
      });
      return succeeded({ id });
    },

    async update(makerId: number, portfolioId: number, input: PortfolioInput, by: ChangeAuthor): Promise<FormResult<{ id: number }> | undefined> {
      const maker = await member(makerId);
      const all = maker ? await portfoliosOf(db, makerId) : [];
      const before = all.find((p) => p.id === portfolioId);
      if (!maker || !before) return undefined;
      const checked = validate(input, all, { exceptId: portfolioId, startMayBeBlank: before.startsOn === null });
      if (!checked.ok) return checked;
      const fields = changedFields(asFields(before), asFields(checked.value));
      if (Object.keys(fields).length === 0) return succeeded({ id: portfolioId });
      await db.transaction().execute(async (trx) => {
        const p = checked.value;
        await updatePortfolio(trx, portfolioId, { title: p.title, starts_on: p.startsOn, ends_on: p.endsOn });
        await recordPortfolioChange(trx, by, maker, 'portfolio_updated', portfolioId, before, p);
      });
      return succeeded({ id: portfolioId });
    },

    /** Ending only shortens a period, so it is never refused for overlapping another (which helps tidy overlaps up). */
    async end(makerId: number, portfolioId: number, endsOn: DateFields, by: ChangeAuthor): Promise<FormResult<{ endsOn: string }> | undefined> {
      const maker = await member(makerId);
      const before = maker ? (await portfoliosOf(db, makerId)).find((p) => p.id === portfolioId) : undefined;
      if (!maker || !before) return undefined;
      const end = readDateInput(endsOn, 'The end date');
      const problems: FieldProblems = {};
      if (end.kind === 'empty') problems['endsOn-day'] = 'Enter the date the portfolio ended';
      dateProblem(problems, 'endsOn', end);
      if (end.kind === 'date' && before.startsOn && end.iso < before.startsOn) {
        problems['endsOn-day'] = `The end date must be the same as or after the start date (${formatLongDate(before.startsOn)})`;
      }
      if (end.kind !== 'date' || Object.keys(problems).length > 0) return refused(problems);
      await db.transaction().execute(async (trx) => {
        await updatePortfolio(trx, portfolioId, { title: before.title, starts_on: before.startsOn, ends_on: end.iso });
        await recordPortfolioChange(trx, by, maker, 'portfolio_ended', portfolioId, before, { ...before, endsOn: end.iso });
      });
      return succeeded({ endsOn: end.iso });
    },
  };
}

export type PortfolioAdmin = ReturnType<typeof createPortfolioAdmin>;
