import { isEmailAddress, MAX_EMAIL_ADDRESS_LENGTH } from '../../lib/email-address.ts';

/** The council's own details as the admin form holds them. */
export type CouncilDetails = {
  name: string;
  governanceEmail: string;
  governanceAddress: string;
  governanceTelephone: string;
  website: string;
};

/** Field id → message, in the order the fields appear on the form. */
export function councilProblems(details: CouncilDetails): Partial<Record<keyof CouncilDetails, string>> {
  const problems: Partial<Record<keyof CouncilDetails, string>> = {};
  if (details.name === '') problems.name = 'Enter the name of the council';
  else if (details.name.length > 120) problems.name = 'The name must be 120 characters or fewer';
  if (details.governanceEmail !== '' && !isEmailAddress(details.governanceEmail)) {
    problems.governanceEmail = 'Enter an email address in the correct format, like democratic.services@example.gov.uk';
  } else if (details.governanceEmail.length > MAX_EMAIL_ADDRESS_LENGTH) {
    problems.governanceEmail = `The email address must be ${MAX_EMAIL_ADDRESS_LENGTH} characters or fewer`;
  }
  if (details.governanceAddress.length > 500) problems.governanceAddress = 'The address must be 500 characters or fewer';
  if (details.governanceTelephone !== '' && !/^\+?[0-9 ()-]{6,30}$/.test(details.governanceTelephone)) {
    problems.governanceTelephone = 'Enter a telephone number, like 01632 960 001 or +44 808 157 0192';
  }
  if (details.website !== '' && !isWebAddress(details.website)) {
    problems.website = 'Enter a web address starting with https:// or http://, like https://www.example.gov.uk/decisions';
  }
  return problems;
}

function isWebAddress(text: string): boolean {
  if (text.length > 500 || !/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname.includes('.');
  } catch {
    return false;
  }
}
