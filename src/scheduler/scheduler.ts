import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../db/create-db.ts';
import type { Clock } from '../lib/clock.ts';
import { claimRun, findRun, finishRun, type JobRun } from './job-runs.repository.ts';
import type { Schedule } from './schedule.ts';

export { listRecentRuns, type JobRun } from './job-runs.repository.ts';

export interface JobContext {
  /** The slot this run is for: at or before now, well before it when the run is a catch-up. */
  scheduledFor: Date;
  db: Db;
  clock: Clock;
}

/**
 * A scheduled job. Each slot runs once across all instances; a job never overlaps itself within
 * one instance, but a run that outlasts its period can overlap the next slot's run on another
 * instance, so a job that must never overlap itself takes its own lock (the outbox's leases do).
 */
export interface Job {
  /** kebab-case and unique. It keys the job's history: renaming a job makes its latest slot due again. */
  name: string;
  schedule: Schedule;
  /** May return a one-line summary, recorded as the run's message. Throwing records a failed run. */
  run(ctx: JobContext): Promise<string | void>;
  /** A run of this job still 'running' after this long is reported stuck (default 60). */
  stuckAfterMinutes?: number;
}

export interface SchedulerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RunReport {
  job: string;
  scheduledFor: Date;
  /**
   * succeeded / failed: this call ran the slot. running: another run holds the slot (another
   * instance, or an earlier call here). stuck: the slot's run has been 'running' for longer than
   * the job's stuckAfterMinutes and not in this instance, so the instance running it almost
   * certainly died mid-run; the slot is not retried, because no instance can tell a dead run from
   * a slow one and retrying could run the job twice. The next slot runs as usual.
   */
  outcome: 'succeeded' | 'failed' | 'running' | 'stuck';
  message: string | null;
}

export interface Scheduler {
  register(job: Job): void;
  /** Runs every job whose latest slot has no run yet; resolves when they have finished. */
  runDue(): Promise<RunReport[]>;
  /** Catches up at once, then checks every minute. */
  start(): void;
  /** Stops the minute timer and waits for the runs in progress. */
  stop(): Promise<void>;
}

const JOB_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_MESSAGE_LENGTH = 2000;
const MINUTE_MS = 60_000;

export function createScheduler(options: { db: Db; clock: Clock; log?: SchedulerLog }): Scheduler {
  const { db, clock, log = console } = options;
  const jobs = new Map<string, Job>();
  // Job name → slot it is running in this instance: a job never overlaps itself here.
  const runningHere = new Map<string, string>();
  const inProgress = new Set<Promise<unknown>>();
  const reportedStuck = new Set<string>();
  let task: ScheduledTask | undefined;
  let state: 'new' | 'started' | 'stopped' = 'new';

  function register(job: Job): void {
    if (!JOB_NAME.test(job.name) || job.name.length > 100) {
      throw new Error(`A job name must be kebab-case (like "mail-outbox-drain"), not "${job.name}"`);
    }
    if (jobs.has(job.name)) throw new Error(`A job named "${job.name}" is already registered`);
    if (job.stuckAfterMinutes !== undefined && !(job.stuckAfterMinutes > 0)) {
      throw new Error(`stuckAfterMinutes of job "${job.name}" must be more than 0`);
    }
    jobs.set(job.name, job);
  }

  function runDue(): Promise<RunReport[]> {
    if (state === 'stopped') return Promise.resolve([]);
    const run = runAllDue();
    inProgress.add(run);
    const forget = () => inProgress.delete(run);
    run.then(forget, forget);
    return run;
  }

  // A failing job is a report; only bookkeeping that cannot reach the database rejects, after
  // every other job has had its turn.
  async function runAllDue(): Promise<RunReport[]> {
    const settled = await Promise.allSettled([...jobs.values()].map(runIfDue));
    const reports: RunReport[] = [];
    const errors: unknown[] = [];
    for (const result of settled) {
      if (result.status === 'rejected') errors.push(result.reason);
      else if (result.value) reports.push(result.value);
    }
    if (errors.length > 0) {
      throw new AggregateError(errors, `The scheduler could not check ${errors.length} job(s): ${errors.map(describe).join('; ')}`);
    }
    return reports;
  }

  /*
   * Only a job's latest slot at or before now is ever due. A slot missed while no instance was
   * running is caught up by that latest run, and older missed slots are not replayed: every job
   * here brings things up to date as of now (drain the outbox, erase what has expired, summarise
   * what is overdue, prepare the next plan), so one late run does all that the missed ones would
   * have done, and replaying them would repeat it (a week offline would send seven identical
   * overdue summaries). For the same reason a newly registered job runs its latest slot only, not
   * every slot since its anchor. A job that cares how late it is compares ctx.scheduledFor with
   * ctx.clock.now().
   */
  async function runIfDue(job: Job): Promise<RunReport | undefined> {
    const slot = job.schedule.latestSlotAtOrBefore(clock.now());
    if (slot === null) return undefined;
    // Still busy with an earlier slot here; the next tick looks again.
    const busyWith = runningHere.get(job.name);
    if (busyWith !== undefined && busyWith !== slot.toISOString()) return undefined;

    const existing = await findRun(db, job.name, slot);
    if (existing) return describeExisting(job, existing);
    if (state === 'stopped') return undefined;
    const id = await claimRun(db, job.name, slot, clock.now());
    if (id === undefined) {
      const winner = await findRun(db, job.name, slot);
      return winner && describeExisting(job, winner);
    }
    runningHere.set(job.name, slot.toISOString());
    try {
      return await execute(job, id, slot);
    } finally {
      runningHere.delete(job.name);
    }
  }

  async function execute(job: Job, id: number, slot: Date): Promise<RunReport> {
    const label = `job ${job.name} for ${slot.toISOString()}`;
    const startedAt = clock.now();
    let outcome: 'succeeded' | 'failed';
    let message: string | null;
    try {
      const summary = await job.run({ scheduledFor: slot, db, clock });
      outcome = 'succeeded';
      message = summary ? truncate(summary) : null;
    } catch (error) {
      outcome = 'failed';
      message = truncate(describe(error));
      log.error(`${label} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
    }
    const finishedAt = clock.now();
    try {
      await finishRun(db, id, outcome, finishedAt, message);
    } catch (error) {
      throw new Error(`${label} ${outcome} but its outcome could not be recorded, so it stays 'running': ${describe(error)}`);
    }
    if (outcome === 'succeeded') {
      const took = finishedAt.getTime() - startedAt.getTime();
      log.info(`${label} succeeded in ${took} ms${message ? `: ${message}` : ''}`);
    }
    return { job: job.name, scheduledFor: slot, outcome, message };
  }

  function describeExisting(job: Job, run: JobRun): RunReport | undefined {
    if (run.outcome !== 'running') return undefined;
    const report = { job: job.name, scheduledFor: run.scheduledFor, message: null };
    const stuckAfterMs = (job.stuckAfterMinutes ?? 60) * MINUTE_MS;
    const runningFor = clock.now().getTime() - run.startedAt.getTime();
    if (runningHere.get(job.name) === run.scheduledFor.toISOString() || runningFor <= stuckAfterMs) {
      return { ...report, outcome: 'running' };
    }
    const message =
      `running since ${run.startedAt.toISOString()}: the instance running it probably stopped mid-run; ` +
      'this slot is not retried, the next one runs as usual';
    const key = `${job.name} ${run.scheduledFor.toISOString()}`;
    if (!reportedStuck.has(key)) {
      reportedStuck.add(key);
      log.warn(`job ${key} is stuck, ${message}`);
    }
    return { ...report, outcome: 'stuck', message };
  }

  function start(): void {
    if (state !== 'new') {
      throw new Error(state === 'started' ? 'The scheduler is already started' : 'A stopped scheduler cannot start again');
    }
    state = 'started';
    const tick = () => {
      runDue().catch((error: unknown) => log.error(describe(error)));
    };
    tick();
    // node-cron is only the metronome: what is due is decided from the injected clock.
    task = cron.schedule('* * * * *', tick, { name: 'forward-plan-scheduler', timezone: 'Europe/London' });
  }

  async function stop(): Promise<void> {
    state = 'stopped';
    const stopping = task;
    task = undefined;
    if (stopping) await stopping.destroy();
    await Promise.allSettled([...inProgress]);
  }

  return { register, runDue, start, stop };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function truncate(text: string): string {
  return text.length <= MAX_MESSAGE_LENGTH ? text : `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}
