import type { ParsedUrlQuery } from 'node:querystring';
import { badRequest } from './errors.ts';
import { isIsoDate } from '../lib/dates.ts';
import { MAX_ID, parseId } from '../lib/ids.ts';

/*
 * Query-string readers that either return typed values or collect a message saying what is
 * wrong; the caller turns collected problems into one 400.
 */
export class QueryReader {
  readonly problems: string[] = [];
  constructor(private readonly query: ParsedUrlQuery) {}

  single(name: string, maxLength = 200): string | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) {
      this.problems.push(`Give '${name}' only once`);
      return undefined;
    }
    if (value.length > maxLength) {
      this.problems.push(`'${name}' must be ${maxLength} characters or fewer`);
      return undefined;
    }
    return value.trim() === '' ? undefined : value.trim();
  }

  /** Repeated (?a=x&a=y) or comma-separated (?a=x,y) values. */
  many(name: string, maxValues = 50): string[] {
    const value = this.query[name];
    if (value === undefined) return [];
    const values = (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length > maxValues) {
      this.problems.push(`Give at most ${maxValues} values for '${name}'`);
      return [];
    }
    return [...new Set(values)];
  }

  integer(name: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
    const raw = this.single(name, 12);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`'${name}' must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  /** A row id (see parseId); `what` names it in the message, e.g. "a decision's number". */
  id(name: string, what: string): number | undefined {
    const raw = this.single(name, 20);
    if (raw === undefined) return undefined;
    const id = parseId(raw);
    if (id === undefined) this.problems.push(`'${name}' must be ${what} (a whole number from 1 to ${MAX_ID})`);
    return id;
  }

  /**
   * A date from year 1 to 9999 (isIsoDate): PostgreSQL refuses year 0 and five-digit years
   * would need another format, so the message states the range rather than leaving it to a 500.
   */
  date(name: string): string | undefined {
    const raw = this.single(name, 20);
    if (raw === undefined) return undefined;
    if (!isIsoDate(raw)) {
      this.problems.push(`'${name}' must be a real date from the year 1 to 9999, written as YYYY-MM-DD, for example 2024-03-25`);
      return undefined;
    }
    return raw;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T[] {
    const values = this.many(name);
    const unknown = values.filter((v) => !allowed.includes(v as T));
    if (unknown.length > 0) {
      this.problems.push(`'${name}' must be one of ${allowed.join(', ')} (not ${unknown.join(', ')})`);
      return [];
    }
    return values as T[];
  }

  throwIfProblems(): void {
    if (this.problems.length > 0) {
      throw badRequest('There is a problem with the address you asked for', this.problems);
    }
  }
}
