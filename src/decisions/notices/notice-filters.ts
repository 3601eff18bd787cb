import type { ParsedUrlQuery } from 'node:querystring';
import { QueryReader } from '../../http/query.ts';
import { readPaging, type Paging } from '../filters.ts';
import { NOTICE_KINDS, type NoticeKind } from './notice-kinds.ts';

/** /notices and /api/v1/notices: `kind` (repeated or comma-separated), `page`, `limit`; anything malformed is one 400. */
export function parseNoticeQuery(query: ParsedUrlQuery): { kinds: NoticeKind[]; paging: Paging } {
  const reader = new QueryReader(query);
  const kinds = reader.oneOf('kind', NOTICE_KINDS);
  const paging = readPaging(reader);
  reader.throwIfProblems();
  return { kinds, paging };
}

/** The query string of a list of notices (kinds in their fixed order), for the filter's links and pagination. */
export function noticeQuery(kinds: NoticeKind[], page = 1): string {
  const params = new URLSearchParams();
  for (const kind of NOTICE_KINDS) if (kinds.includes(kind)) params.append('kind', kind);
  if (page > 1) params.append('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
