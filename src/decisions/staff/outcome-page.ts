import type { Context } from 'koa';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/errors.ts';
import { renderForm, type FormErrors } from '../../http/forms.ts';
import { idParam } from '../../http/params.ts';
import type { OutcomeKind } from '../decisions.tables.ts';
import { expectedDateLabel } from '../labels.ts';
import { outcomeRefusal } from './outcome-rules.ts';
import type { OutcomeResult } from './outcome.service.ts';
import { pageProblem, seeOther } from './staff-http.ts';

/*
 * What the outcome forms share: the decision they are about, the form page (with why it is not
 * offered, when the decision's state forbids it), and the end of a recording: back to the
 * decision, or the form again saying why not.
 */

const TITLES: Record<OutcomeKind, string> = {
  taken: 'Record the decision as taken',
  withdrawn: 'Withdraw the decision',
  deferred: 'Defer the decision',
};

export type OutcomeDetail = NonNullable<Awaited<ReturnType<Deps['staffDecisions']['detail']>>>;
type Errors = FormErrors | Record<string, string>;

export function outcomePages(staffDecisions: Deps['staffDecisions']) {
  async function load(ctx: Context): Promise<OutcomeDetail> {
    const detail = await staffDecisions.detail(idParam(ctx.params.id));
    if (!detail) throw notFound('There is no decision with that number');
    return detail;
  }

  /** Why this outcome cannot be recorded for the decision as it stands, or null. */
  function refusalOf(kind: OutcomeKind, detail: OutcomeDetail): string | null {
    const hasException = detail.generalException !== undefined || detail.specialUrgency !== undefined;
    return outcomeRefusal(kind, detail.row.status, hasException);
  }

  function page(ctx: Context, kind: OutcomeKind, detail: OutcomeDetail, values: Record<string, unknown>, errors?: Errors, extra: Record<string, unknown> = {}) {
    renderForm(ctx, `admin/decisions/${kind}.njk`, {
      pageTitle: TITLES[kind],
      kind,
      row: detail.row,
      decision: detail.decision,
      refusal: refusalOf(kind, detail),
      currentExpected: expectedDateLabel(detail.row.expected_date, detail.row.expected_precision, detail.row.expected_date_note),
      values,
      errors,
      ...extra,
    });
  }

  /**
   * The decision's state forbids the outcome (already final, a draft): the form again, saying
   * why, 409. True when it did, so the route stops there.
   */
  function refused(ctx: Context, kind: OutcomeKind, detail: OutcomeDetail, values: Record<string, unknown>): boolean {
    const refusal = refusalOf(kind, detail);
    if (!refusal) return false;
    page(ctx, kind, detail, values, pageProblem(refusal));
    ctx.status = 409;
    return true;
  }

  /** Stored: back to the decision. Refused (its state or records changed meanwhile): the form again, saying why, 409. */
  function finish(ctx: Context, kind: OutcomeKind, detail: OutcomeDetail, values: Record<string, unknown>, result: OutcomeResult, extra: Record<string, unknown> = {}) {
    if (result.status === 'not-found') throw notFound('There is no decision with that number');
    if (result.status === 'refused') {
      page(ctx, kind, detail, values, result.field ? { [result.field]: result.message } : pageProblem(result.message), extra);
      ctx.status = 409;
      return;
    }
    seeOther(ctx, `/admin/decisions/${detail.row.id}?done=${kind}`);
  }

  return { load, page, refused, finish };
}

/** The hidden fields of a check-your-answers page: what was typed, sent again to confirm or to change it. */
export function hiddenFields(fields: Record<string, string>): { name: string; value: string }[] {
  return Object.entries(fields).map(([name, value]) => ({ name, value }));
}
