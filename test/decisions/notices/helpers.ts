import type { TestApp } from '../../helpers/app.ts';
import { visibleText } from '../../helpers/html.ts';

/*
 * The staff forms of regulations 10, 11 and 5 (src/decisions/staff/exception-form.ts), filled in,
 * and a reader of the public pages without any cookie (so through the shared response cache).
 */

const dateFields = (name: string, iso: string | null) => {
  const [year, month, day] = iso ? iso.split('-').map((n) => String(Number(n))) : ['', '', ''];
  return { [`${name}-day`]: day!, [`${name}-month`]: month!, [`${name}-year`]: year! };
};

export function generalExceptionForm(values: { chairNotifiedOn: string; noticePublishedOn: string; reasonsNoticePublishedOn?: string | null; reasons?: string }) {
  return {
    chairName: 'Cllr Jane Smith',
    ...dateFields('chairNotifiedOn', values.chairNotifiedOn),
    ...dateFields('noticePublishedOn', values.noticePublishedOn),
    reasons: values.reasons ?? 'The grant offer expires on 8 March, before 28 clear days have passed.',
    ...dateFields('reasonsNoticePublishedOn', values.reasonsNoticePublishedOn ?? null),
  };
}

export function specialUrgencyForm(values: { agreedOn: string; reasonsNoticePublishedOn?: string | null; role?: string }) {
  return {
    agreedBy: 'Cllr Sam Jones',
    agreedByRole: values.role ?? 'council_chair',
    ...dateFields('agreedOn', values.agreedOn),
    reasons: 'Storm damage to the bridge must be repaired before the spring tides.',
    ...dateFields('reasonsNoticePublishedOn', values.reasonsNoticePublishedOn ?? null),
  };
}

export function privateNoticeForm(values: { intentionPublishedOn?: string | null; furtherNoticePublishedOn?: string | null; representations?: string; response?: string }) {
  return {
    ...dateFields('intentionPublishedOn', values.intentionPublishedOn ?? null),
    ...dateFields('furtherNoticePublishedOn', values.furtherNoticePublishedOn ?? null),
    representations: values.representations ?? '',
    response: values.response ?? '',
  };
}

/** A public page as an anonymous reader gets it: its status and its visible text (no space before punctuation, as it reads). */
export async function publicPage(app: TestApp, path: string): Promise<{ status: number; text: string; html: string }> {
  const response = await app.fetch(path);
  const html = await response.text();
  return { status: response.status, text: visibleText(html).replace(/ ([,.;:)])/g, '$1'), html };
}

export async function publicJson<T>(app: TestApp, path: string): Promise<{ status: number; body: T }> {
  const response = await app.fetch(path);
  return { status: response.status, body: (await response.json()) as T };
}
