/** Whether a request is for the mock's own surface (problem+json) rather than Qiscus's. */
export function isControlRequest(url: string): boolean {
  return url === '/_mock' || url.startsWith('/_mock/') || url.startsWith('/_mock?');
}
