import test from 'ava';
import type { PlanView } from '../../src/plans/plan.service.ts';
import type { PdfRenderer } from '../../src/plans/outputs/plan-pdf-renderer.ts';
import { createPlanPdfs } from '../../src/plans/outputs/plan-pdfs.ts';

/** Plans whose PDFs are `megabytes` each, counting how often each is rendered. */
function pdfsOf(megabytes: number) {
  const renders: string[] = [];
  const renderer: PdfRenderer = {
    async render(plan) {
      renders.push(plan.publishedOn);
      return Buffer.alloc(megabytes * 1024 * 1024);
    },
    stats: () => ({ renders: renders.length, workersStarted: 0, workerRunning: false, pending: 0 }),
    close: async () => undefined,
  };
  const plans = { byDate: async (date: string) => ({ publishedOn: date }) as PlanView };
  const council = { get: async () => ({ name: 'A Council' }) };
  return { pdfs: createPlanPdfs({ plans, council }, renderer), renders };
}

test('a plan asked for again is served from memory, not rendered twice', async (t) => {
  const { pdfs, renders } = pdfsOf(1);
  await Promise.all([pdfs.forPlan('2024-02-23'), pdfs.forPlan('2024-02-23')]);
  await pdfs.forPlan('2024-02-23');
  t.deepEqual(renders, ['2024-02-23']);
});

test('large PDFs are kept within 32 MB: the least recently asked for is dropped and rendered again when asked', async (t) => {
  const { pdfs, renders } = pdfsOf(12);
  for (const date of ['2024-01-12', '2024-01-26', '2024-02-09']) await pdfs.forPlan(date);
  await pdfs.forPlan('2024-02-09');
  await pdfs.forPlan('2024-01-26');
  t.deepEqual(renders, ['2024-01-12', '2024-01-26', '2024-02-09'], 'the two newest (24 MB) are still held');
  await pdfs.forPlan('2024-01-12');
  t.deepEqual(renders, ['2024-01-12', '2024-01-26', '2024-02-09', '2024-01-12'], 'the first (36 MB in all) had been dropped');
});

test('a PDF bigger than the whole allowance is still kept, alone', async (t) => {
  const { pdfs, renders } = pdfsOf(40);
  await pdfs.forPlan('2024-02-23');
  await pdfs.forPlan('2024-02-23');
  t.deepEqual(renders, ['2024-02-23']);
});

test('plans are read one at a time, each when its render is next, and a failure does not hold up the rest', async (t) => {
  let reading = 0;
  let most = 0;
  const renderer: PdfRenderer = {
    render: async (plan) => {
      if (plan.publishedOn === '2024-01-26') throw new Error('cannot render');
      return Buffer.from(plan.publishedOn);
    },
    stats: () => ({ renders: 0, workersStarted: 0, workerRunning: false, pending: 0 }),
    close: async () => undefined,
  };
  const plans = {
    byDate: async (date: string) => {
      reading += 1;
      most = Math.max(most, reading);
      await new Promise((resolve) => setTimeout(resolve, 5));
      reading -= 1;
      return { publishedOn: date } as PlanView;
    },
  };
  const pdfs = createPlanPdfs({ plans, council: { get: async () => ({ name: 'A Council' }) } }, renderer);
  const results = await Promise.allSettled(['2024-01-12', '2024-01-26', '2024-02-09'].map((date) => pdfs.forPlan(date)));
  t.is(most, 1);
  t.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  t.is(String((results[2] as PromiseFulfilledResult<Buffer>).value), '2024-02-09');
});
