// Preloaded into a server the bench profiles (`bench/profile-target.js`, through NODE_OPTIONS
// --import): the first SIGUSR2 starts V8's CPU profiler, the second stops it and writes the
// profile to $QISCUS_MOCK_PROFILE_FILE, so the profile covers the measured window only, not the
// start-up nor the warm-up.
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.QISCUS_MOCK_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  const post = (method) =>
    new Promise((resolve, reject) => {
      session.post(method, (error, result) => (error ? reject(error) : resolve(result)));
    });
  await post('Profiler.enable');
  let running = false;
  process.on('SIGUSR2', () => {
    running = !running;
    if (running) {
      void post('Profiler.start');
      return;
    }
    void post('Profiler.stop').then(({ profile }) => {
      // Written aside, then renamed: whoever waits for the file never reads half of it.
      writeFileSync(`${file}.part`, JSON.stringify(profile));
      renameSync(`${file}.part`, file);
    });
  });
}
