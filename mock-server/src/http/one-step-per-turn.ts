/**
 * Large bodies' parsing, split into steps so that no turn of the event loop holds a request up
 * for long (issue 15). The steps wait here, oldest first, and one runs per turn: were several
 * large bodies in flight (`largeBodySlots` lets one at a time now), a request that arrived
 * meanwhile (a `GET /_mock/traffic`) would wait behind one step, not behind a step of each, as
 * when each booked turns of its own (Node runs every immediate already booked in one go).
 */
const waitingSteps: (() => void)[] = [];
let turnBooked = false;

function bookTurn(): void {
  if (turnBooked) return;
  turnBooked = true;
  setImmediate(runOneWaitingStep);
}

function runOneWaitingStep(): void {
  turnBooked = false;
  try {
    waitingSteps.shift()?.();
  } finally {
    if (waitingSteps.length > 0) bookTurn();
  }
}

/** Runs `step` in a later turn of the event loop, after the steps already waiting. */
export function inTurnOfItsOwn(step: () => void): void {
  waitingSteps.push(step);
  bookTurn();
}
