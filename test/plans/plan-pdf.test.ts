import { setTimeout as sleep } from 'node:timers/promises';
import test, { type ExecutionContext } from 'ava';
import { startTestApp } from '../helpers/app.ts';
import { testConfig } from '../../src/config/config.ts';
import type { DbHandle } from '../../src/db/create-db.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import type { PlanView } from '../../src/plans/plan.service.ts';
import { createPdfRenderer, PdfUnavailableError, type PdfRenderer } from '../../src/plans/outputs/plan-pdf-renderer.ts';
import { createPlanPdfs } from '../../src/plans/outputs/plan-pdfs.ts';
import { freshDb } from '../helpers/db.ts';

// One database with the sample plan (published 23 February 2024) for the file; every test builds
// its own service on it, so each starts with no PDF rendered and no worker running.
let handle: DbHandle;
let samplePlan: PlanView;
test.before(async () => {
  handle = await freshDb({ sample: true });
  samplePlan = (await createDeps(testConfig(), handle.db, new ManualClock('2024-02-26T10:00:00Z')).plans.byDate('2024-02-23'))!;
});
test.after.always(() => handle.close());

/**
 * A service instance on the shared database, as a process start would build it; Koa alone, so
 * every request for a PDF reaches the PDF service rather than the response cache.
 */
async function startService(t: ExecutionContext, change: (deps: Deps) => Deps = (deps) => deps) {
  const app = await startTestApp({ handle, cache: false, listen: false, deps: change });
  t.teardown(app.close);
  const { deps } = app;
  const get = (path: string) => app.fetch(path);
  const pdf = async (path = '/plans/2024-02-23.pdf') => {
    const response = await get(path);
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  return { deps, get, pdf, renders: () => deps.planPdfs.renderer.stats().renders };
}

function renderer(t: ExecutionContext, options: Parameters<typeof createPdfRenderer>[0] = {}): PdfRenderer {
  const made = createPdfRenderer({ log: { error: () => {} }, ...options });
  t.teardown(() => made.close());
  return made;
}

/** Waits (a bounded number of turns) until `condition` holds; the test fails if it never does. */
async function until(t: ExecutionContext, condition: () => boolean, what: string) {
  for (let turns = 0; !condition() && turns < 2_000; turns++) await sleep(10);
  t.true(condition(), what);
}

test('the PDF is the same bytes on every request and after a restart, dated by the plan, not the request', async (t) => {
  const first = await startService(t);
  const one = await first.pdf();
  const two = await first.pdf();
  t.is(one.status, 200);
  t.is(one.bytes.subarray(0, 5).toString(), '%PDF-');
  t.true(one.bytes.equals(two.bytes), 'the same bytes on a second request');
  t.is(first.renders(), 1, 'the second request was served from memory');

  // (t.true on searches: a failing t.regex would print all 60 kB of the PDF.)
  const text = one.bytes.toString('latin1');
  t.true(text.includes('(D:20240223000000Z)'), "created on the plan's own date (midnight in London)");
  t.false(/\(D:(?!20240223000000Z)\d+/.test(text), 'and no other time');
  t.true(/\/ID \[<([0-9a-f]{32})> <\1>\]/.test(text), 'one document id');

  const afterRestart = await startService(t);
  const three = await afterRestart.pdf();
  t.is(afterRestart.renders(), 1, 'a new process renders it again');
  t.true(three.bytes.equals(one.bytes), 'and gets the same bytes');
});

test('concurrent requests for a plan PDF render it once', async (t) => {
  const service = await startService(t);
  const responses = await Promise.all(Array.from({ length: 12 }, () => service.pdf()));
  t.deepEqual([...new Set(responses.map((r) => r.status))], [200]);
  t.true(responses.every((r) => r.bytes.equals(responses[0]!.bytes)));
  t.is(service.renders(), 1);
  t.is(service.deps.planPdfs.renderer.stats().workersStarted, 1);
  t.is((await service.pdf('/plans/2024-02-24.pdf')).status, 404, 'a date with no plan');
  t.is(service.renders(), 1, 'renders nothing');
});

test('/healthz answers while a PDF is being rendered', async (t) => {
  const service = await startService(t);
  let pdfDone = false;
  const pdf = service.pdf().then((result) => {
    pdfDone = true;
    return result;
  });
  // The render is handed to the worker (which must also start): the main thread is free meanwhile.
  await until(t, () => service.deps.planPdfs.renderer.stats().pending === 1, 'the render has started');
  for (let i = 0; i < 3; i++) {
    const health = await service.get('/healthz');
    t.is(health.status, 200);
    t.false(pdfDone, `healthz ${i + 1} answered before the PDF was ready`);
  }
  t.is((await pdf).status, 200);
});

test('the renderer stops its worker when idle, and starts another on demand with the same result', async (t) => {
  const pdfs = renderer(t, { idleMs: 50 });
  const first = await pdfs.render(samplePlan, 'Peterborough City Council');
  t.true(pdfs.stats().workerRunning);
  await until(t, () => !pdfs.stats().workerRunning, 'the idle worker stopped');
  const second = await pdfs.render(samplePlan, 'Peterborough City Council');
  t.true(second.equals(first));
  t.like(pdfs.stats(), { renders: 2, workersStarted: 2, pending: 0 });
});

test('a plan the layout cannot render is an error, and the worker goes on with the next', async (t) => {
  const pdfs = renderer(t);
  const broken = { ...samplePlan, parts: [{ part: 'key', newEntries: null }] } as unknown as PlanView;
  const error = await t.throwsAsync(pdfs.render(broken, 'Peterborough City Council'), { instanceOf: PdfUnavailableError });
  t.regex(error?.message ?? '', /^The PDF could not be rendered: /);
  t.is((await pdfs.render(samplePlan, 'Peterborough City Council')).subarray(0, 5).toString(), '%PDF-');
  t.like(pdfs.stats(), { workersStarted: 1, pending: 0 });
});

test('a worker that runs out of memory or time fails its render instead of leaving it waiting', async (t) => {
  // Laying out a plan needs more heap than this: the worker dies. (Below about 4 MB, Node 22 and
  // 24 abort the whole process instead, so the limit here is small, not absurd.)
  const starved = renderer(t, { maxHeapMb: 8 });
  const oom = await t.throwsAsync(starved.render(samplePlan, 'Peterborough City Council'), { instanceOf: PdfUnavailableError });
  t.regex(oom?.message ?? '', /^the PDF worker stopped/);
  t.false(starved.stats().workerRunning);

  const hurried = renderer(t, { timeoutMs: 1 });
  const late = await t.throwsAsync(hurried.render(samplePlan, 'Peterborough City Council'), { instanceOf: PdfUnavailableError });
  t.regex(late?.message ?? '', /took longer than 1 ms/);
  t.like(hurried.stats(), { workerRunning: false, pending: 0 });
});

test('when the PDF cannot be made the request gets a 503 saying so, and the next request tries again', async (t) => {
  const service = await startService(t, (deps) => ({ ...deps, planPdfs: createPlanPdfs(deps, createPdfRenderer({ maxHeapMb: 8, log: { error: () => {} } })) }));
  const response = await service.get('/plans/2024-02-23.pdf');
  t.is(response.status, 503);
  t.is(response.headers.get('retry-after'), '60');
  t.regex(await response.text(), /the PDF of this plan cannot be made at the moment/);
  t.is((await service.get('/plans/2024-02-23.pdf')).status, 503);
  t.is(service.deps.planPdfs.renderer.stats().workersStarted, 2, 'a failure is not kept: the second request tried again');
  t.is((await service.get('/plans/2024-02-23.csv')).status, 200, 'the other formats still work');
});

test.serial('renaming the council renders the PDF again under the new name', async (t) => {
  const service = await startService(t);
  const before = await service.pdf();
  await handle.db.updateTable('council').set({ name: 'Peterborough Unitary Authority' }).execute();
  t.teardown(() => handle.db.updateTable('council').set({ name: 'Peterborough City Council' }).execute());
  service.deps.council.forget();
  const after = await service.pdf();
  t.false(after.bytes.equals(before.bytes));
  t.is(service.renders(), 2);
  t.true(after.bytes.toString('latin1').includes('(Peterborough Unitary Authority)'), 'the new name is the author');
});
