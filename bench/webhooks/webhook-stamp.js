// Every message in the webhook bench carries the moment it was written, on the monotonic
// clock that all processes of the machine share (process.hrtime), so the receiver can tell
// how long it took from the customer's message to the webhook, whoever sent it.

const digits = 20;
export const stampPattern = /ts=(\d{20})/;
export const stampPlaceholder = `ts=${'0'.repeat(digits)}`;

export function stampNow() {
  return `ts=${process.hrtime.bigint().toString().padStart(digits, '0')}`;
}

export function customerText() {
  return `bench message ${stampNow()}`;
}

// Milliseconds since the stamp in `text`, or null when it holds none.
export function msSinceStamp(text) {
  const match = stampPattern.exec(text);
  if (!match) return null;
  return Number(process.hrtime.bigint() - BigInt(match[1])) / 1e6;
}

// What a sender writes on stderr, once, when a webhook fails: the run is then invalid.
export const failureMark = 'bench failure:';
