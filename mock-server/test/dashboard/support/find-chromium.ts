/** The Chromium the browser tests drive, and where it was found. */
export interface FoundChromium {
  readonly path: string;
  readonly from: 'QISCUS_MOCK_CHROMIUM' | 'playwright' | 'debian';
}

/** Debian's Chromium, which `.ci/run` installs when it is missing. */
export const debianChromium = '/usr/bin/chromium';

/**
 * Picks the browser: the one `QISCUS_MOCK_CHROMIUM` names (a given path that does not exist is
 * an error, not a silent fallback), else playwright's own Chromium if `npx playwright install
 * chromium` put one there, else Debian's. Null when there is none.
 */
export function findChromium(
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean,
  playwrightPath: () => string,
): FoundChromium | { readonly error: string } | null {
  const given = env.QISCUS_MOCK_CHROMIUM;
  if (given !== undefined && given !== '') {
    return exists(given)
      ? { path: given, from: 'QISCUS_MOCK_CHROMIUM' }
      : { error: `QISCUS_MOCK_CHROMIUM names ${given}, which does not exist` };
  }
  let own = '';
  try {
    own = playwrightPath();
  } catch {
    // playwright-core without a browser of its own throws here.
  }
  if (own !== '' && exists(own)) return { path: own, from: 'playwright' };
  return exists(debianChromium) ? { path: debianChromium, from: 'debian' } : null;
}
