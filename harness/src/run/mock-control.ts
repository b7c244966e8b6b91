import { Pool } from 'undici';
import { ProblemSchema } from '#contracts';

/** What a call of the mock's control API came to: its answer, or its refusal in one line. */
export type ControlAnswer =
  { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly message: string };

/**
 * The mock's control API (`/_mock`) over HTTP, for what the handle does not offer in process: an
 * agent writes, accepts a handover, resolves a room. One keep-alive pool for the whole run.
 */
export class MockControl {
  private readonly pool: Pool;

  constructor(baseUrl: string) {
    this.pool = new Pool(baseUrl, { connections: 8 });
  }

  /** POSTs a JSON body to a control route. */
  async post(path: string, body: unknown = {}): Promise<ControlAnswer> {
    try {
      const response = await this.pool.request({
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.body.text();
      const parsed: unknown = text === '' ? null : JSON.parse(text);
      if (response.statusCode < 300) return { ok: true, body: parsed };
      const problem = ProblemSchema.safeParse(parsed);
      return {
        ok: false,
        message: problem.success
          ? `${problem.data.code}: ${problem.data.detail}`
          : `the mock answered ${response.statusCode}: ${text.slice(0, 200)}`,
      };
    } catch (error) {
      return { ok: false, message: `the mock could not be reached: ${String(error)}` };
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
