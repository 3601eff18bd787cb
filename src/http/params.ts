import { notFound } from './errors.ts';

/** A positive integer id from the path, or a 404: '12abc', '-1' and huge numbers name nothing. */
export function idParam(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) throw notFound();
  const id = Number(raw);
  if (id > 2_147_483_647) throw notFound();
  return id;
}
