/** Field id → message, in the order the fields appear on the form. */
export type FieldProblems = Record<string, string>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblems };

export const succeeded = <T>(value: T): FormResult<T> => ({ ok: true, value });
export const refused = <T = never>(problems: FieldProblems): FormResult<T> => ({ ok: false, problems });

export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';
