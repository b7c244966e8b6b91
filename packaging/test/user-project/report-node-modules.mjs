// Loaded with `node --import` before a command: at its exit, writes to stderr which of Node's own
// modules the process loaded, as "node modules loaded: http net …".
process.on('exit', () => {
  const loaded = process.moduleLoadList
    .filter((entry) => entry.startsWith('NativeModule ') && !entry.includes('internal/'))
    .map((entry) => entry.slice('NativeModule '.length));
  process.stderr.write(`node modules loaded: ${loaded.join(' ')}\n`);
});
