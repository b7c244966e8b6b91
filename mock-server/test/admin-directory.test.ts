import { expect, it } from 'vitest';
import {
  assignAgent,
  getAppBot,
  getOfficeHours,
  getTraffic,
  listAgents,
  listAgentsByDivision,
  listAvailableAgents,
  listChannels,
  listDivisions,
  listOtherAgents,
  logIn,
  setMarkAsResolvedWebhook,
  type RoomId,
} from '#contracts';
import { defaults, type MockServer } from '#mock-server';
import { callControl } from './support/call-control.js';
import { callQiscus, successOf } from './support/call-qiscus.js';
import { okBody } from './support/control-answers.js';
import { startMock } from './support/start-mock.js';

async function roomOf(server: MockServer, customer = '6281100000001'): Promise<RoomId> {
  const { room_id } = await server.customer.say({
    channel: 'wa',
    customer: { id: customer },
    text: 'Hi',
  });
  return room_id;
}

it('the agents list comes from the directory, in pages, searchable by division, name or e-mail', async () => {
  const server = await startMock();
  const { agents } = server.settings();

  const all = successOf(await callQiscus(server, listAgents));
  const page3 = successOf(
    await callQiscus(server, listAgents, { query: { limit: '5', page: '3' } }),
  );
  const billing = successOf(
    await callQiscus(server, listAgents, { query: { search: 'BILL', scope: 'division' } }),
  );
  const byName = successOf(
    await callQiscus(server, listAgents, { query: { search: agents[0]!.name, scope: 'email' } }),
  );

  expect(all.data.agents).toEqual(agents);
  expect(all.meta).toEqual({ per_page: 20, total_count: 12 });
  expect(page3.data.agents).toEqual(agents.slice(10, 15));
  expect(billing.data.agents.map((a) => a.user_roles[0]?.name)).toEqual([
    'billing',
    'billing',
    'billing',
  ]);
  expect(byName.data.agents).toEqual([]);
});

it('an agent search looks only where its scope says, in any case, and ignores spaces around it', async () => {
  // "sales" is in one agent's name, another's e-mail and a third's division, each once.
  const server = await startMock({
    agents: [
      { name: 'Dewi Lestari', email: 'dewi@example.com', divisions: ['Sales'] },
      { name: 'Budi Santoso', email: 'sales.desk@example.com', divisions: ['Billing'] },
      { name: 'Sari Sales', email: 'sari@example.com', divisions: ['Support'] },
    ],
  });
  const namesFound = async (query: Record<string, string>) =>
    successOf(await callQiscus(server, listAgents, { query })).data.agents.map((a) => a.name);

  expect(await namesFound({ search: ' SALES ', scope: 'name' })).toEqual(['Sari Sales']);
  expect(await namesFound({ search: ' SALES ', scope: 'email' })).toEqual(['Budi Santoso']);
  expect(await namesFound({ search: ' SALES ', scope: 'division' })).toEqual(['Dewi Lestari']);
  expect(await namesFound({ search: ' SALES ' })).toEqual([
    'Dewi Lestari',
    'Budi Santoso',
    'Sari Sales',
  ]);
  expect(await namesFound({ search: 'santoso' })).toEqual(['Budi Santoso']);
  expect(await namesFound({ search: '   ' })).toHaveLength(3);
});

it('a page holds at least 1 and at most 100 agents, whatever limit asks for', async () => {
  const server = await startMock();
  const { agents } = server.settings();

  const zero = successOf(await callQiscus(server, listAgents, { query: { limit: '0' } }));
  const huge = successOf(await callQiscus(server, listAgents, { query: { limit: '500' } }));
  const past = successOf(
    await callQiscus(server, listDivisions, { query: { limit: '3', page: '3' } }),
  );

  expect(zero.meta).toEqual({ per_page: 1, total_count: 12 });
  expect(zero.data.agents).toEqual([agents[0]]);
  expect(huge.meta).toEqual({ per_page: 100, total_count: 12 });
  expect(huge.data.agents).toEqual(agents);
  expect(past).toEqual({ data: [], meta: { limit: 3, page: 3, total: 4, total_page: 2 } });
});

it('an unknown query parameter is taken, and noted on the exchange as a contract warning', async () => {
  const server = await startMock();

  const answer = await callQiscus(server, listDivisions, {
    query: { limit: '3', colour: 'red' },
  });

  expect(answer.status).toBe(200);
  const [exchange] = okBody(await callControl(server, getTraffic)).exchanges;
  expect(exchange?.warnings).toEqual([
    { path: 'colour', message: 'is not a field of this object; it is ignored' },
  ]);
});

it('a bad page number is refused with its field path', async () => {
  const server = await startMock();

  const answer = await callQiscus(server, listAgents, { query: { page: '0' } });

  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({
    errors: { code: 'VALIDATION_FAILED', details: [{ path: 'page' }] },
  });
});

it('agents by division take several division_ids[], the online flag and sorting', async () => {
  const server = await startMock();
  const { agents, divisions } = server.settings();
  const [service, billing] = divisions;
  const inBoth = agents.filter((a) =>
    a.user_roles.some((r) => r.id === service!.id || r.id === billing!.id),
  );

  const both = successOf(
    await callQiscus(server, listAgentsByDivision, {
      query: { 'division_ids[]': [String(service!.id), String(billing!.id)] },
    }),
  );
  const online = successOf(
    await callQiscus(server, listAgentsByDivision, {
      query: { 'division_ids[]': String(billing!.id), is_available: 'true', sort: 'asc' },
    }),
  );

  expect(both.data).toEqual(inBoth);
  expect(both.meta).toEqual({ limit: 20, page: 1, total: 6, total_page: 1 });
  expect(online.data.every((a) => a.is_available)).toBe(true);
  expect(online.data.map((a) => a.name)).toEqual(
    online.data.map((a) => a.name).sort((a, b) => a.localeCompare(b)),
  );
});

it('agents by division: offline ones with is_available=false, names descending with sort=desc', async () => {
  const server = await startMock({
    agents: [
      { name: 'Agus Salim', divisions: ['billing'], online: false },
      { name: 'Citra Dewi', divisions: ['billing'], online: true },
      { name: 'Bayu Putra', divisions: ['billing'], online: false },
      { name: 'Eka Sari', divisions: ['sales'], online: false },
      { name: 'Dimas Arya', divisions: ['sales', 'billing'], online: true },
    ],
  });
  const billing = server.settings().divisions.find((d) => d.name === 'billing')!;
  const namesFound = async (query: Record<string, string>) =>
    successOf(
      await callQiscus(server, listAgentsByDivision, {
        query: { 'division_ids[]': ` ${billing.id} `, ...query },
      }),
    ).data.map((a) => a.name);

  expect(await namesFound({})).toEqual(['Agus Salim', 'Citra Dewi', 'Bayu Putra', 'Dimas Arya']);
  expect(await namesFound({ is_available: 'false' })).toEqual(['Agus Salim', 'Bayu Putra']);
  expect(await namesFound({ is_available: 'true' })).toEqual(['Citra Dewi', 'Dimas Arya']);
  expect(await namesFound({ sort: 'desc' })).toEqual([
    'Dimas Arya',
    'Citra Dewi',
    'Bayu Putra',
    'Agus Salim',
  ]);
  expect(await namesFound({ sort: 'asc' })).toEqual([
    'Agus Salim',
    'Bayu Putra',
    'Citra Dewi',
    'Dimas Arya',
  ]);
});

it('an unknown division id is refused with the divisions there are, by id and name', async () => {
  const server = await startMock();

  const answer = await callQiscus(server, listAgentsByDivision, {
    query: { 'division_ids[]': '99' },
  });

  expect(answer.status).toBe(404);
  expect(answer.body).toMatchObject({
    errors: {
      message:
        'No division has the id "99": GET /api/v2/divisions lists the divisions (1 customer service, 2 billing, 3 sales, 4 technical).',
    },
  });
});

it('the divisions list has the directory’s divisions, the first one the default', async () => {
  const server = await startMock();

  const answer = successOf(await callQiscus(server, listDivisions, { query: { limit: '2' } }));

  expect(answer.data.map((d) => [d.id, d.name, d.is_default_role])).toEqual([
    [1, 'customer service', true],
    [2, 'billing', false],
  ]);
  expect(answer.meta).toEqual({ limit: 2, page: 1, total: 4, total_page: 2 });
});

it('other agents leave out the room’s agent; available agents are online, least busy first', async () => {
  const server = await startMock();
  const { agents } = server.settings();
  const roomId = await roomOf(server);
  const busy = agents.find((a) => a.is_available)!;
  await callQiscus(server, assignAgent, { body: { room_id: roomId, agent_id: busy.id } });
  const second = await roomOf(server, '6281100000002');

  const others = successOf(
    await callQiscus(server, listOtherAgents, { query: { room_id: roomId } }),
  );
  const available = successOf(
    await callQiscus(server, listAvailableAgents, { query: { room_id: second } }),
  );

  expect(others.data.agents.map((a) => a.id)).toEqual(
    agents.filter((a) => a.id !== busy.id).map((a) => a.id),
  );
  const listed = available.data.agents;
  expect(listed.every((a) => a.is_available)).toBe(true);
  expect(listed.at(-1)).toMatchObject({ id: busy.id, current_customer_count: 1 });
  expect(listed.length).toBe(agents.filter((a) => a.is_available).length);
});

it('an agent list for a room no room has is refused with the query’s field path', async () => {
  const server = await startMock();

  const answer = await callQiscus(server, listAvailableAgents, { query: { room_id: '42' } });

  expect(answer.status).toBe(404);
  expect(answer.body).toMatchObject({
    errors: { code: 'ROOM_NOT_FOUND', details: [{ path: 'room_id' }] },
  });
});

it('the channels list groups the mock’s channels by kind', async () => {
  const server = await startMock();
  const { channels } = server.settings();

  const { data } = successOf(await callQiscus(server, listChannels));

  expect(data.wa_channels).toEqual(channels.filter((c) => c.source === 'wa'));
  expect(data.wa_channels).toHaveLength(2);
  expect(data.qiscus_channels).toEqual(channels.filter((c) => c.source === 'qiscus'));
  expect(Object.values(data).flat()).toHaveLength(channels.length);
});

it('office hours are open all day every day by default, and follow the configuration', async () => {
  const server = await startMock();
  const configured = await startMock({
    officeHours: { timezone: '+08:00', days: [{ day: 1, start: '09:00', end: '17:00' }] },
  });

  const open = successOf(await callQiscus(server, getOfficeHours));
  const monday = successOf(await callQiscus(configured, getOfficeHours));

  expect(open.data.office_hours.map((h) => [h.day, h.starttime, h.endtime])).toEqual(
    [1, 2, 3, 4, 5, 6, 7].map((day) => [day, '00:00', '23:59']),
  );
  expect(monday.data).toMatchObject({
    timezone: '+08:00',
    office_hours: [{ day: 1, starttime: '09:00', endtime: '17:00' }],
  });
});

for (const contentType of [
  'application/json',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
] as const) {
  it(`logging in as ${contentType} answers the admin token, which the admin routes accept`, async () => {
    const server = await startMock();

    const answer = await callQiscus(server, logIn, {
      contentType,
      body: { email: defaults.adminEmail, password: defaults.adminPassword },
    });
    const token = successOf(answer).data.user.authentication_token;
    const agents = await callQiscus(server, listAgents, {
      auth: 'none',
      headers: { Authorization: token, 'Qiscus-App-Id': server.appCode },
    });

    expect(successOf(answer).data.user.app).toMatchObject({
      app_code: server.appCode,
      secret_key: '[redacted]',
    });
    expect(agents.status).toBe(200);
    expect(JSON.stringify(server.traffic.list())).not.toContain(defaults.adminPassword);
  });
}

it('a wrong password is refused with 401 naming the field, never echoing it', async () => {
  const server = await startMock();

  const answer = await callQiscus(server, logIn, {
    body: { email: defaults.adminEmail, password: 'guess-1234' },
  });

  expect(answer.status).toBe(401);
  expect(answer.body).toMatchObject({
    errors: { code: 'UNAUTHORIZED', details: [{ path: 'password' }] },
  });
  expect(JSON.stringify(answer.body)).not.toContain('guess-1234');
});

it('the Mark-as-Resolved webhook setting is kept and shown in the app', async () => {
  const server = await startMock();

  const answer = await callQiscus(server, setMarkAsResolvedWebhook, {
    body: { webhook_url: 'http://127.0.0.1:9/resolved', is_webhook_enabled: true },
  });
  const refused = await callQiscus(server, setMarkAsResolvedWebhook, {
    body: { webhook_url: 'http://example.com/resolved', is_webhook_enabled: true },
  });

  expect(successOf(answer).data.app).toMatchObject({
    mark_as_resolved_webhook_url: 'http://127.0.0.1:9/resolved',
    is_mark_as_resolved_webhook_enabled: true,
  });
  expect(refused.body).toMatchObject({ errors: { details: [{ path: 'webhook_url' }] } });
  expect(successOf(await callQiscus(server, getAppBot)).data.bot_webhook_url).toBeNull();
});
