// Delivery by the worker (src/notify/) on the shared test server: a Catalogi write reaches a
// local receiver with the abonnement's Authorization header; filters on kenmerken decide who
// gets it; a 500 is retried with backoff until it succeeds; changes of one object arrive in order;
// the receiver's answer body is never stored.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, testServer, type TestClient } from '../support/server.js';
import { Receiver, catalogusBody, zaaktypeBody } from './notificaties-support.js';

const NRC = '/notificaties/api/v1';
const ZTC = '/catalogi/api/v1';

async function ok(c: TestClient, method: string, path: string, body?: unknown): Promise<Record<string, any>> {
  const res = await c.request(method, path, body);
  expect(res.status, JSON.stringify(res.body)).to.be.within(200, 201);
  return res.body;
}

const deliveriesOf = async (abonnementUrl: string) => {
  const { db } = testServer();
  const abonnement = await db('abonnement').where({ uuid: abonnementUrl.split('/').pop() }).first('id');
  return db('notificatie_delivery').where({ abonnement_id: abonnement.id }).orderBy('id');
};

describe('[notify] delivery of notifications to abonnementen', function () {
  this.timeout(40_000);
  let admin: TestClient;
  let receiver: Receiver;
  let catalogus: string;
  const abonnementen: string[] = [];

  before(async () => {
    admin = await client();
    receiver = await new Receiver().start();
    catalogus = (await ok(admin, 'POST', `${ZTC}/catalogussen`, catalogusBody())).url;
  });
  after(async () => {
    for (const url of abonnementen) await admin.request('DELETE', url);
    await receiver.stop();
  });

  async function subscribe(path: string, filters: Record<string, string>, auth = `Bearer ${randomUUID()}`): Promise<{ url: string; auth: string }> {
    const body = await ok(admin, 'POST', `${NRC}/abonnement`, { callbackUrl: receiver.url(path), auth, kanalen: [{ naam: 'zaaktypen', filters }] });
    abonnementen.push(body.url);
    return { url: body.url, auth };
  }

  it('[notify:deliver] creating a zaaktype POSTs the zaaktypen message to the receiver with the abonnement auth as Authorization', async () => {
    const sub = await subscribe('/zaaktypen', { catalogus });
    const zaaktype = await ok(admin, 'POST', `${ZTC}/zaaktypen`, zaaktypeBody(catalogus));
    await receiver.until(() => receiver.on('/zaaktypen').some((r) => r.body.resourceUrl === zaaktype.url));
    const got = receiver.on('/zaaktypen').find((r) => r.body.resourceUrl === zaaktype.url)!;
    expect(got.authorization).to.equal(sub.auth);
    expect(got.body).to.include({ kanaal: 'zaaktypen', hoofdObject: zaaktype.url, resource: 'zaaktype', actie: 'create' });
    expect(got.body.kenmerken).to.deep.equal({ catalogus });
    const [delivery] = await deliveriesOf(sub.url);
    expect(delivery).to.include({ status: 'delivered', attempts: 1, last_status: 204 });
  });

  it('[notify:match] only abonnementen whose filters match the kenmerken get the message', async () => {
    const other = (await ok(admin, 'POST', `${ZTC}/catalogussen`, catalogusBody())).url;
    await subscribe('/match', { catalogus });
    const miss = await subscribe('/miss', { catalogus: other });
    await subscribe('/star', { catalogus: '*' });
    const zaaktype = await ok(admin, 'POST', `${ZTC}/zaaktypen`, zaaktypeBody(catalogus));
    const mine = (path: string) => receiver.on(path).filter((r) => r.body.resourceUrl === zaaktype.url);
    await receiver.until(() => mine('/match').length > 0 && mine('/star').length > 0);
    expect(mine('/miss')).to.deep.equal([]);
    expect(await deliveriesOf(miss.url)).to.deep.equal([]);
  });

  it('[notify:retry] a receiver answering 500 is retried with backoff until it answers 2xx; its body is not kept', async () => {
    receiver.answer = (path, n) => (path === '/flaky' && n <= 2 ? 500 : undefined);
    const sub = await subscribe('/flaky', { catalogus });
    const zaaktype = await ok(admin, 'POST', `${ZTC}/zaaktypen`, zaaktypeBody(catalogus));
    const mine = () => receiver.on('/flaky').filter((r) => r.body.resourceUrl === zaaktype.url);
    await receiver.until(() => mine().length >= 3, 20_000);
    const [a, b, c] = mine().map((r) => r.at);
    // base 1000 ms (NOTIFICATION_BACKOFF_BASE_MS) with jitter in [0.5, 1): >= 500 ms, then >= 1000 ms
    expect(b - a).to.be.at.least(450);
    expect(c - b).to.be.at.least(950);
    await new Promise((r) => setTimeout(r, 300));
    const [delivery] = await deliveriesOf(sub.url);
    expect(delivery).to.include({ status: 'delivered', attempts: 3, last_status: 204 });
    const everything = JSON.stringify(await testServer().db('notificatie_delivery').select('last_error'));
    expect(everything).not.to.include('RECEIVER-SECRET-BODY');
  });

  it('[notify:order] changes of one zaaktype reach a subscriber in the order they were made, also after a failure', async () => {
    receiver.answer = (path, n) => (path === '/order' && n === 1 ? 503 : undefined);
    await subscribe('/order', { catalogus });
    const zaaktype = await ok(admin, 'POST', `${ZTC}/zaaktypen`, zaaktypeBody(catalogus, { omschrijving: 'v0' }));
    for (let i = 1; i <= 5; i++) await ok(admin, 'PATCH', zaaktype.url, { omschrijving: `v${i}` });
    const mine = () => receiver.on('/order').filter((r) => r.body.resourceUrl === zaaktype.url);
    await receiver.until(() => mine().length >= 7, 20_000); // 6 messages, the first one twice
    expect(mine().map((r) => r.body.actie)).to.deep.equal(['create', 'create', 'partial_update', 'partial_update', 'partial_update', 'partial_update', 'partial_update']);
    const times = mine().map((r) => r.body.aanmaakdatum);
    expect(times).to.deep.equal([...times].sort());
  });
});
