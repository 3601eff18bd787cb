const WRITE = /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?|merge\s+into)\s+(?:only\s+)?(?:"?\w+"?\.)?"?(\w+)"?/gi;

/**
 * The tables a statement writes, read from its text (kysely's `insert into "t"`, `update "t"`,
 * `delete from "t"`, and hand-written SQL alike). Words that follow `update` without being a
 * table (`do update set`, `for update skip locked`) come back too and match no table.
 */
export function tablesWritten(statement: string): string[] {
  const tables: string[] = [];
  for (const match of statement.matchAll(WRITE)) tables.push(match[1]!.toLowerCase());
  return tables;
}

export type TransactionControl = 'begin' | 'commit' | 'rollback' | undefined;

/** `begin`, `commit` and `rollback` as kysely sends them (savepoints are left inside the transaction). */
export function transactionControl(statement: string): TransactionControl {
  const word = /^\s*(begin|start\s+transaction|commit|end|rollback|abort)\b(?!\s+to\b)/i.exec(statement)?.[1]?.toLowerCase();
  if (!word) return undefined;
  if (word === 'begin' || word.startsWith('start')) return 'begin';
  if (word === 'commit' || word === 'end') return 'commit';
  return 'rollback';
}

/**
 * Follows one connection's statements and reports the tables written once they are committed:
 * at COMMIT for a transaction, at once for a statement outside one; nothing for a rollback.
 */
export class CommittedWrites {
  private inTransaction = false;
  private readonly pending = new Set<string>();

  constructor(private readonly report: (tables: ReadonlySet<string>) => void) {}

  /** Called after a statement succeeded on this connection. */
  succeeded(statement: string): void {
    const control = transactionControl(statement);
    if (control === 'begin') {
      this.inTransaction = true;
      return;
    }
    if (control === 'rollback') {
      this.inTransaction = false;
      this.pending.clear();
      return;
    }
    for (const table of tablesWritten(statement)) this.pending.add(table);
    if (control === 'commit') this.inTransaction = false;
    if (!this.inTransaction && this.pending.size > 0) {
      const tables = new Set(this.pending);
      this.pending.clear();
      this.report(tables);
    }
  }

  /** A failed statement inside a transaction dooms it; outside one it wrote nothing. */
  failed(statement: string): void {
    if (transactionControl(statement) === 'commit' || !this.inTransaction) {
      this.inTransaction = false;
      this.pending.clear();
    }
  }
}
