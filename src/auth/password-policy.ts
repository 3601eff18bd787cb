export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/*
 * The most common passwords in breach corpora (NCSC's and SecLists' top lists), plus the
 * common ones stretched to twelve characters. The short ones are already refused by the
 * length rule; they stay here so the list still protects if the minimum is ever lowered.
 */
const COMMON_PASSWORDS = new Set([
  '123456', '123456789', '12345678', 'password', 'qwerty', '123123', '111111', 'abc123',
  '1234567', 'password1', '12345', '1234567890', 'iloveyou', 'qwerty123', '000000',
  'admin', 'welcome', 'letmein', 'monkey', 'dragon', 'football', 'sunshine',
  '123456789012', '1234567890123', 'password1234', 'password123!', 'passwordpassword',
  'qwerty123456', 'qwertyuiop12', 'qwertyuiop123', 'iloveyou1234', '111111111111',
  '000000000000', 'abcdefghijkl', 'abc123456789', 'welcome12345', 'letmein12345',
  'administrator', 'changeme1234', 'changemenow!', 'forwardplan1', 'forwardplan123',
]);

/** Why a new password is refused, in words for the person choosing it; undefined when it is fine. */
export function passwordProblem(password: string, email = ''): string | undefined {
  if (password === '') return 'Enter a password';
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) {
    return 'This password is too common: choose one that is harder to guess, such as three random words';
  }
  if (email !== '' && (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0])) {
    return 'The password must not be your email address';
  }
  return undefined;
}
