// A sender that loads on its own (no server for the bench to stop) must not outlive a bench
// killed outright: once its parent is gone (it was adopted), it exits.
export function exitWhenOrphaned() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
  }, 1000).unref();
}
