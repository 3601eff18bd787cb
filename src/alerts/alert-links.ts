/** Absolute links for emails; BASE_URL is the public address of the service. */
export function alertLinks(baseUrl: string, manageToken: string) {
  return {
    manage: `${baseUrl}/alerts/manage/${manageToken}`,
    unsubscribe: `${baseUrl}/alerts/unsubscribe/${manageToken}`,
  };
}

export function confirmLink(baseUrl: string, confirmToken: string): string {
  return `${baseUrl}/alerts/confirm/${confirmToken}`;
}

export function decisionLink(baseUrl: string, decisionUrl: string): string {
  return `${baseUrl}${decisionUrl}`;
}

/** Subjects and header values must be one line whatever the council's name holds. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
