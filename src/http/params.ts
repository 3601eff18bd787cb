import { parseId } from '../lib/ids.ts';
import { notFound } from './errors.ts';

/** An id from the path, or a 404: '12abc', '-1' and numbers beyond an integer name nothing. */
export function idParam(raw: string | undefined): number {
  const id = parseId(raw);
  if (id === undefined) throw notFound();
  return id;
}
