/*
 * The scheduler: one file, longer than most on purpose. Claiming a slot, retrying it, keeping its
 * lease and recording its outcome share one closure's state (this instance's jobs, what it is
 * running, its holder and lease), and the rules that run a slot exactly once across instances
 * read best in one place; the queries they make are in job-runs.repository.ts.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../db/create-db.ts';
import { isDatabaseUnavailable } from '../http/errors.ts';
import type { Clock } from '../lib/clock.ts';
import { claimRun, findRun, finishAttempt, renewLease, supersedeUnfinished, takeOverRun, type AttemptOutcome, type JobRun } from './job-runs.repository.ts';
import type { Schedule } from './schedule.ts';

export { listRecentRuns, type JobRun } from './job-runs.repository.ts';

export interface JobContext {
  /** The slot this run is for: at or before now, well before it when the run is a catch-up. */
  scheduledFor: Date;
  /** 1, or more when an earlier attempt at this slot was interrupted or its instance died. */
  attempt: number;
  /**
   * Aborted when this instance no longer holds the run's lease (it could not renew it in time,
   * or another instance has taken the run over): a long job should stop at the next safe point.
   */
  signal: AbortSignal;
  db: Db;
  clock: Clock;
}

/**
 * A scheduled job. Each slot runs to an outcome once across all instances, and never in two at
 * once while its holder keeps renewing its lease; a job never overlaps itself within one
 * instance, but a run that outlasts its period can overlap the next slot's run on another
 * instance, so a job that must never overlap itself takes its own lock (the outbox's leases do).
 * A slot may be attempted more than once (after a crash or the database going away), so a job
 * must be safe to run again for the same slot: every job here brings things up to date as of now.
 */
export interface Job {
  /** kebab-case and unique. It keys the job's history: renaming a job makes its latest slot due again. */
  name: string;
  schedule: Schedule;
  /**
   * May return a one-line summary, recorded as the run's message. Throwing records a failed run,
   * not retried; unless the database was unavailable, which records it interrupted and retries it.
   */
  run(ctx: JobContext): Promise<string | void>;
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
   * succeeded / failed: this call ran the slot. interrupted: the slot's run lost the database
   * mid-run (in this call or before) and is retried later. running: another attempt holds the
   * slot's lease (another instance, or an earlier call here).
   */
  outcome: 'succeeded' | 'failed' | 'interrupted' | 'running';
  message: string | null;
  attempt: number;
}

export interface SchedulerOptions {
  db: Db;
  clock: Clock;
  log?: SchedulerLog;
  /** Names this instance in job_runs.holder; by default host, process and a random tag. */
  instanceId?: string;
  /**
   * How long a run's holder may go without renewing its lease before any instance may take the
   * run over and retry it (default 5 minutes). The holder renews it every heartbeatMs while the
   * job runs (default a fifth of leaseMs), so only a dead or cut-off instance loses it.
   */
  leaseMs?: number;
  heartbeatMs?: number;
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

/** An interrupted attempt n is retried after 2^(n-1) minutes, at most an hour apart. */
export function retryDelayMs(attempt: number): number {
  return Math.min(2 ** (attempt - 1), 60) * MINUTE_MS;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, clock, log = console } = options;
  const holder = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 5 * MINUTE_MS;
  const heartbeatMs = options.heartbeatMs ?? leaseMs / 5;
  if (!(leaseMs > 0) || !(heartbeatMs > 0) || heartbeatMs >= leaseMs) {
    throw new RangeError(`The lease (${leaseMs} ms) must be longer than the heartbeat that renews it (${heartbeatMs} ms)`);
  }
  const lease = () => ({ holder, now: clock.now(), leaseMs });
  const jobs = new Map<string, Job>();
  // Job name → slot it is running in this instance: a job never overlaps itself here.
  const runningHere = new Map<string, string>();
  const inProgress = new Set<Promise<unknown>>();
  let task: ScheduledTask | undefined;
  let state: 'new' | 'started' | 'stopped' = 'new';

  function register(job: Job): void {
    if (!JOB_NAME.test(job.name) || job.name.length > 100) {
      throw new Error(`A job name must be kebab-case (like "mail-outbox-drain"), not "${job.name}"`);
    }
    if (jobs.has(job.name)) throw new Error(`A job named "${job.name}" is already registered`);
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
   *
   * The latest slot's run is retried until it has an outcome: when its holder's lease expires
   * (the instance died, or lost the database and could not record how the run ended), and when
   * it was interrupted by the database going away. An older slot's unfinished run is closed as
   * superseded, logged, when a later slot is due: nothing is left 'running' or lost unsaid.
   */
  async function runIfDue(job: Job): Promise<RunReport | undefined> {
    const slot = job.schedule.latestSlotAtOrBefore(clock.now());
    if (slot === null) return undefined;
    // Still busy with an earlier slot here; the next tick looks again.
    const busyWith = runningHere.get(job.name);
    if (busyWith !== undefined && busyWith !== slot.toISOString()) return undefined;

    await closeSuperseded(job, slot);
    const existing = await findRun(db, job.name, slot);
    if (existing) return retryIfDue(job, existing);
    if (state === 'stopped') return undefined;
    const id = await claimRun(db, job.name, slot, lease());
    if (id === undefined) {
      const winner = await findRun(db, job.name, slot);
      return winner && report(winner);
    }
    return executeHere(job, id, slot, 1);
  }

  async function closeSuperseded(job: Job, slot: Date): Promise<void> {
    const message = `not finished and not retried: superseded by the run for ${slot.toISOString()}, which does its work`;
    for (const run of await supersedeUnfinished(db, job.name, slot, clock.now(), message)) {
      log.warn(`job ${job.name} for ${run.scheduledFor.toISOString()} (attempt ${run.attempts}) ${message}`);
    }
  }

  async function retryIfDue(job: Job, run: JobRun): Promise<RunReport | undefined> {
    if (run.outcome === 'succeeded' || run.outcome === 'failed') return undefined;
    const heldHere = runningHere.get(job.name) === run.scheduledFor.toISOString();
    const now = clock.now();
    if (heldHere || state === 'stopped' || (run.leaseExpiresAt !== null && run.leaseExpiresAt > now)) return report(run);

    const previous = `attempt ${run.attempts}${run.holder ? ` by ${run.holder}` : ''}`;
    const why =
      run.outcome === 'interrupted'
        ? `was interrupted (${run.message ?? 'the database was unavailable'})`
        : `stopped renewing its lease, which expired at ${run.leaseExpiresAt?.toISOString()}: its instance stopped or lost the database before recording an outcome`;
    const attempt = await takeOverRun(db, run, lease(), 'its lease expired with no outcome reported');
    if (attempt === undefined) {
      const winner = await findRun(db, job.name, run.scheduledFor);
      return winner && report(winner);
    }
    log.warn(`job ${job.name} for ${run.scheduledFor.toISOString()}: retrying as attempt ${attempt} in ${holder}, because ${previous} ${why}`);
    return executeHere(job, run.id, run.scheduledFor, attempt);
  }

  function report(run: JobRun): RunReport {
    return { job: run.job, scheduledFor: run.scheduledFor, outcome: run.outcome, message: run.message, attempt: run.attempts };
  }

  async function executeHere(job: Job, id: number, slot: Date, attempt: number): Promise<RunReport> {
    runningHere.set(job.name, slot.toISOString());
    try {
      return await execute(job, id, slot, attempt);
    } finally {
      runningHere.delete(job.name);
    }
  }

  /*
   * Renews the lease every heartbeatMs while the job runs. The signal is aborted once the lease
   * is gone: taken over (the renewal finds another attempt holding the run) or expired without
   * a renewal getting through, after which another instance may already be running the slot.
   */
  function keepLease(job: Job, id: number, slot: Date, attempt: number) {
    const controller = new AbortController();
    const label = `job ${job.name} for ${slot.toISOString()} (attempt ${attempt})`;
    let renewedAt = clock.now();
    let renewing = false;
    const lose = (why: string) => {
      if (controller.signal.aborted) return;
      log.error(`${label} no longer holds its lease: ${why}`);
      controller.abort(new Error(`${label} lost its lease: ${why}`));
    };
    const timer = setInterval(() => {
      if (renewing || controller.signal.aborted) return;
      renewing = true;
      const now = clock.now();
      renewLease(db, id, attempt, { holder, now, leaseMs })
        .then((held) => {
          if (held) renewedAt = now;
          else lose('another instance has taken the run over');
        })
        .catch((error: unknown) => {
          if (clock.now().getTime() - renewedAt.getTime() >= leaseMs) lose(`it could not be renewed for ${leaseMs} ms: ${describe(error)}`);
        })
        .finally(() => (renewing = false));
    }, heartbeatMs);
    timer.unref();
    return { signal: controller.signal, stop: () => clearInterval(timer) };
  }

  async function execute(job: Job, id: number, slot: Date, attempt: number): Promise<RunReport> {
    const label = `job ${job.name} for ${slot.toISOString()}${attempt > 1 ? ` (attempt ${attempt})` : ''}`;
    const startedAt = clock.now();
    const held = keepLease(job, id, slot, attempt);
    let result: AttemptOutcome;
    try {
      const summary = await job.run({ scheduledFor: slot, attempt, signal: held.signal, db, clock });
      result = { outcome: 'succeeded', message: summary ? truncate(summary) : null };
    } catch (error) {
      const message = truncate(describe(error));
      if (isDatabaseUnavailable(error)) {
        result = { outcome: 'interrupted', message, retryAt: new Date(clock.now().getTime() + retryDelayMs(attempt)) };
        log.warn(`${label} was interrupted, the database being unavailable; it is retried from ${result.retryAt.toISOString()}: ${message}`);
      } else {
        result = { outcome: 'failed', message };
        log.error(`${label} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
      }
    } finally {
      held.stop();
    }
    const finishedAt = clock.now();
    let recorded: boolean;
    try {
      recorded = await finishAttempt(db, id, attempt, holder, finishedAt, result);
    } catch (error) {
      throw new Error(
        `${label} ${result.outcome} but its outcome could not be recorded, so it stays 'running' until its lease expires; ` +
          `then it is retried: ${describe(error)}`,
      );
    }
    if (!recorded) {
      log.error(`${label} ${result.outcome} after another instance had taken the run over (this one lost its lease): recorded for this attempt only`);
      const now = await findRun(db, job.name, slot);
      return now ? report(now) : { job: job.name, scheduledFor: slot, outcome: 'running', message: null, attempt };
    }
    if (result.outcome === 'succeeded') {
      const took = finishedAt.getTime() - startedAt.getTime();
      log.info(`${label} succeeded in ${took} ms${result.message ? `: ${result.message}` : ''}`);
    }
    return { job: job.name, scheduledFor: slot, outcome: result.outcome, message: result.message, attempt };
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
