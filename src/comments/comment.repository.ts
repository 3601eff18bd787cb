import { sql, type Insertable, type Updateable } from 'kysely';
import type { CommentStatus, CommentTable } from './comments.tables.ts';
import type { Executor } from '../db/executor.ts';

/** The inbox's filters, already checked (comment-filters.ts reads them from the query string). */
export interface CommentQuery {
  /** A decision's id, or 'general' for comments on the plan as a whole. */
  decision?: number | 'general' | undefined;
  status: CommentStatus[];
  /** Received on or after this instant. */
  receivedFrom?: Date | undefined;
  /** Received before this instant. */
  receivedBefore?: Date | undefined;
  /** The Cabinet Member answering: the one referred to, else the one asked for, else the decision maker. */
  member?: number | undefined;
  /** Open and received before this instant (comment-deadlines.ts works it out). */
  overdueBefore?: Date | undefined;
}

function withContext(db: Executor) {
  return db
    .selectFrom('comments as c')
    .leftJoin('decisions as d', 'd.id', 'c.decision_id')
    .leftJoin('decision_makers as dm', 'dm.id', 'd.decision_maker_id')
    .leftJoin('decision_makers as rq', 'rq.id', 'c.requested_responder_id')
    .leftJoin('decision_makers as rt', 'rt.id', 'c.referred_to_id');
}

const responsibleMember = sql<number | null>`coalesce(c.referred_to_id, c.requested_responder_id, d.decision_maker_id)`;

function filtered(db: Executor, query: CommentQuery) {
  let q = withContext(db);
  if (query.decision === 'general') q = q.where('c.decision_id', 'is', null);
  else if (query.decision !== undefined) q = q.where('c.decision_id', '=', query.decision);
  if (query.status.length > 0) q = q.where('c.status', 'in', query.status);
  if (query.receivedFrom) q = q.where('c.received_at', '>=', query.receivedFrom);
  if (query.receivedBefore) q = q.where('c.received_at', '<', query.receivedBefore);
  if (query.member !== undefined) q = q.where(responsibleMember, '=', query.member);
  if (query.overdueBefore) q = q.where('c.status', 'in', ['received', 'referred']).where('c.received_at', '<', query.overdueBefore);
  return q;
}

function selectContext<T extends ReturnType<typeof withContext>>(q: T) {
  return q.selectAll('c').select([
    'd.title as decision_title',
    'd.reference as decision_reference',
    'd.status as decision_status',
    'd.decision_maker_id as decision_maker_id',
    'dm.name as decision_maker_name',
    'rq.name as requested_responder_name',
    'rt.name as referred_to_name',
  ]);
}

export async function findComments(db: Executor, query: CommentQuery, paging?: { page: number; limit: number }) {
  let q = selectContext(filtered(db, query)).orderBy('c.received_at', 'desc').orderBy('c.id', 'desc');
  if (paging) q = q.limit(paging.limit).offset((paging.page - 1) * paging.limit);
  return q.execute();
}

export type CommentWithContext = Awaited<ReturnType<typeof findComments>>[number];

export async function countComments(db: Executor, query: CommentQuery): Promise<number> {
  const row = await filtered(db, query).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findCommentById(db: Executor, id: number): Promise<CommentWithContext | undefined> {
  return selectContext(withContext(db)).where('c.id', '=', id).executeTakeFirst();
}

/** The row itself, locked until the transaction ends, so two members of staff cannot both act on it. */
export async function lockComment(db: Executor, id: number) {
  return db.selectFrom('comments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function nextReferenceNumber(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`SELECT nextval('comment_reference_seq') AS n`.execute(db);
  return Number(rows[0]!.n);
}

export async function insertComment(db: Executor, values: Insertable<CommentTable>): Promise<number> {
  const row = await db.insertInto('comments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateComment(db: Executor, id: number, set: Updateable<CommentTable>): Promise<void> {
  await db.updateTable('comments').set(set).where('id', '=', id).execute();
}

export async function findByReference(db: Executor, reference: string) {
  return db
    .selectFrom('comments as c')
    .leftJoin('decisions as d', 'd.id', 'c.decision_id')
    .select(['c.reference', 'c.decision_id', 'd.title as decision_title', 'd.status as decision_status'])
    .where('c.reference', '=', reference)
    .executeTakeFirst();
}

/** Decisions that have comments, for the inbox's filter. */
export async function decisionsWithComments(db: Executor) {
  return db
    .selectFrom('decisions as d')
    .select(['d.id', 'd.title', 'd.reference'])
    .where((eb) => eb.exists(eb.selectFrom('comments as c').select('c.id').whereRef('c.decision_id', '=', 'd.id')))
    .orderBy('d.title')
    .execute();
}

/** Decision makers anyone has asked for or been referred, or who made a commented decision. */
export async function membersInvolved(db: Executor) {
  return db
    .selectFrom('decision_makers as m')
    .select(['m.id', 'm.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('comments as c')
          .leftJoin('decisions as d', 'd.id', 'c.decision_id')
          .select('c.id')
          .where(responsibleMember, '=', eb.ref('m.id')),
      ),
    )
    .orderBy('m.name')
    .execute();
}

/** Comments closed before `cutoff` whose person has not yet been erased. */
export async function closedBeforeAndNotErased(db: Executor, cutoff: Date) {
  return db
    .selectFrom('comments')
    .select(['id', 'reference', 'status', 'email'])
    .where('erased_at', 'is', null)
    .where('closed_at', 'is not', null)
    .where('closed_at', '<=', cutoff)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Comments (not yet erased) sent from this email address, in any case. */
export async function withSameEmail(db: Executor, email: string) {
  return db
    .selectFrom('comments')
    .select(['id', 'reference', 'status', 'email'])
    .where('erased_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Nulls the person's name and contact details; the comment, response and history stay. */
export async function eraseContactDetails(db: Executor, ids: number[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('comments')
    .set({ name: null, email: null, telephone: null, address: null, erased_at: at, updated_at: at })
    .where('id', 'in', ids)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Acknowledgements still in the outbox for these comments: they hold the person's name and address. */
export async function deleteAcknowledgements(db: Executor, references: string[]): Promise<number> {
  if (references.length === 0) return 0;
  const result = await db
    .deleteFrom('outbox_messages')
    .where('dedupe_key', 'in', references.map((reference) => `comment-ack-${reference}`))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
