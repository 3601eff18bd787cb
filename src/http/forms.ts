import { bodyParser } from '@koa/bodyparser';
import type { Context, Next } from 'koa';
import { HttpError, badRequest } from './errors.ts';
import { NUL_IN_FORM_MESSAGE, hasNulByte } from './request-guards.ts';

export const DEFAULT_FORM_LIMIT = '64kb';
const STATE_CHANGING = ['POST', 'PUT', 'PATCH', 'DELETE'];
export const NOT_A_FORM_MESSAGE =
  'Send the form as a web browser does (application/x-www-form-urlencoded): this service does not read other kinds of request body.';

/** Whether the request carries a body of at least one byte (a bodyless POST sends Content-Length: 0). */
function hasContent(ctx: Context): boolean {
  const length = ctx.request.length;
  return length === undefined ? ctx.get('Transfer-Encoding') !== '' : length > 0;
}

/**
 * Parses urlencoded form bodies into ctx.request.body, up to `limit` bytes. Too large → 413,
 * unreadable or holding a NUL byte (which PostgreSQL cannot store in text) → 400, all as pages.
 * A body of another type is a 415 (JSON, text …), rather than an empty form that the token
 * check would call expired; multipart/form-data alone is let through unread, because RFC 8058
 * one-click unsubscribes may be sent that way and that route reads nothing from the body (on a
 * route that needs a token, the token check answers the 415 instead).
 */
export function formBodyParser(options: { limit?: string | number } = {}) {
  const parse = bodyParser({
    enableTypes: ['form'],
    formLimit: options.limit ?? DEFAULT_FORM_LIMIT,
    parsedMethods: STATE_CHANGING,
  });
  return async (ctx: Context, next: Next) => {
    if (STATE_CHANGING.includes(ctx.method) && hasContent(ctx) && !ctx.request.is('urlencoded', 'multipart/form-data')) {
      throw new HttpError(415, NOT_A_FORM_MESSAGE);
    }
    let parsed = false;
    try {
      await parse(ctx, async () => {
        parsed = true;
      });
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 413) throw new HttpError(413, 'The information you sent is too large. Go back, shorten it and try again.');
      if (status === 400 || status === 415) throw new HttpError(400, 'The form you sent could not be read. Go back, reload the page and try again.');
      throw error;
    }
    if (!parsed) return;
    if (hasNulByte(ctx.request.body)) throw badRequest(NUL_IN_FORM_MESSAGE);
    await next();
  };
}

/*
 * Tab and line breaks are the only control characters a form field legitimately holds; the
 * bidirectional overrides go too, because they make text display differently from what it is.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** Reads fields of a parsed form; a field sent twice counts as its first value. */
export class FormReader {
  constructor(private readonly body: Record<string, unknown>) {}

  /** Exactly as sent (for passwords): not trimmed, nothing stripped. '' when absent. */
  raw(name: string): string {
    const value = this.body[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : '';
  }

  /** One line of text: trimmed, control and invisible formatting characters removed. */
  text(name: string): string {
    return this.raw(name).replace(CONTROL_SINGLE_LINE, ' ').replace(/\s+/g, ' ').trim();
  }

  /** Several lines of text: line breaks normalised to \n, other control characters removed. */
  multiline(name: string): string {
    return this.raw(name).replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
  }

  /** Every value of a repeated field (checkboxes), as single lines, blanks dropped. */
  list(name: string): string[] {
    const value = this.body[name];
    const values = Array.isArray(value) ? value : [value];
    return values
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.replace(CONTROL_SINGLE_LINE, ' ').trim())
      .filter((v) => v !== '');
  }

  has(name: string): boolean {
    return this.body[name] !== undefined;
  }
}

export function readForm(ctx: Context): FormReader {
  const body = ctx.request.body;
  return new FormReader(body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {});
}

/**
 * A form's problems, keyed by the id of the field each belongs to, in the order the fields
 * appear on the page (which is the order of the error summary). The first message per field wins.
 */
export class FormErrors {
  private readonly messages = new Map<string, string>();

  add(fieldId: string, message: string): this {
    if (!this.messages.has(fieldId)) this.messages.set(fieldId, message);
    return this;
  }

  /** Adds `message` for `fieldId` when it is defined; handy with validators that return a message. */
  check(fieldId: string, message: string | undefined): this {
    return message === undefined ? this : this.add(fieldId, message);
  }

  has(fieldId: string): boolean {
    return this.messages.has(fieldId);
  }

  get any(): boolean {
    return this.messages.size > 0;
  }

  /** `errorList` for govukErrorSummary, `errors.<id>` for each component's `errorMessage`. */
  view(): FormErrorView {
    return errorView(Object.fromEntries(this.messages));
  }
}

export interface ErrorSummaryItem {
  text: string;
  href: string;
}

export interface FormErrorView {
  errorList: ErrorSummaryItem[];
  errors: Record<string, { text: string }>;
}

/** Shapes field-id → message pairs for govukErrorSummary and the components' errorMessage. */
export function errorView(messages: Record<string, string>): FormErrorView {
  const entries = Object.entries(messages);
  return {
    errorList: entries.map(([id, text]) => ({ text, href: `#${id}` })),
    errors: Object.fromEntries(entries.map(([id, text]) => [id, { text }])),
  };
}

/**
 * Renders a form page with what the person typed and, when there are problems, the error
 * summary and inline messages, with status 400 so that tests and logs see the refusal.
 */
export function renderForm(
  ctx: Context,
  template: string,
  data: { values: Record<string, unknown>; errors?: FormErrors | Record<string, string> } & Record<string, unknown>,
): void {
  const { errors, ...rest } = data;
  const view = errors instanceof FormErrors ? errors.view() : errorView(errors ?? {});
  if (view.errorList.length > 0) {
    ctx.status = 400;
    // GOV.UK pattern: the title says so too, for screen-reader users who land on the page.
    if (typeof rest.pageTitle === 'string') rest.pageTitle = `Error: ${rest.pageTitle}`;
  }
  ctx.render(template, { ...rest, ...view });
}
