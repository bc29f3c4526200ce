// POST /zaken/_zoek: zaakgeometrie.within exact on a non-rectangular area, uuid__in,
// zaaktype__in, list filters in the body, fields (zrc-029).
import { expect } from 'chai';
import { admin, catalogue, createZaak, expectInvalid, expectOk, ZRC, type Catalogue } from './fixtures.js';

const point = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
const square = (x: number, y: number, d: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
// An L: the square 0..10 without its upper right quarter 5..10 x 5..10.
const L = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 5], [5, 5], [5, 10], [0, 10], [0, 0]]] };

describe('[zrc:zoek] POST /zaken/_zoek', () => {
  let cat: Catalogue;
  before(async () => {
    cat = await catalogue();
  });

  const zoek = async (body: object, query = '') => {
    const res = await (await admin()).request('POST', `${ZRC}/zaken/_zoek${query}`, { zaaktype__in: [cat.zaaktype.url], ...body });
    expectOk(res);
    return res.body;
  };
  const urls = (page: any) => page.results.map((z: any) => z.url);

  it('[zrc:geo] zaakgeometrie.within is exact on a non-rectangular (L-shaped) area, not a bounding box test', async () => {
    const c = await admin();
    const inside = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: point(2, 8) });
    const notch = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: point(8, 8) }); // in the box, outside the L
    const outside = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: point(20, 20) });
    const boundary = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: point(0, 3) }); // on the edge: not within
    const smallSquare = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: square(1, 1, 2) });
    // all four corners inside the L, but the square covers the notch: not within
    const acrossNotch = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: { type: 'Polygon', coordinates: [[[4, 4], [9, 4], [9, 4.5], [4.5, 9], [4, 9], [4, 4]]] } });
    const line = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: { type: 'LineString', coordinates: [[1, 1], [9, 1], [9, 4]] } });
    const crossingLine = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: { type: 'LineString', coordinates: [[4, 9], [9, 4]] } });
    const none = await createZaak(c, cat.zaaktype.url);
    const found = urls(await zoek({ zaakgeometrie: { within: L } }));
    expect(found).to.have.members([inside.url, smallSquare.url, line.url]);
    for (const z of [notch, outside, boundary, acrossNotch, crossingLine, none]) expect(found).not.to.include(z.url);
  });

  it('[zrc:geo] within respects holes and MultiPolygons', async () => {
    const c = await admin();
    const ring = { type: 'Polygon', coordinates: [[[100, 100], [110, 100], [110, 110], [100, 110], [100, 100]], [[104, 104], [106, 104], [106, 106], [104, 106], [104, 104]]] };
    await createZaak(c, cat.zaaktype.url, { zaakgeometrie: point(105, 105) }); // in the hole
    const inRing = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: point(101, 101) });
    expect(urls(await zoek({ zaakgeometrie: { within: ring } }))).to.deep.equal([inRing.url]);
    const multi = { type: 'MultiPolygon', coordinates: [ring.coordinates, square(200, 200, 5).coordinates] };
    const inSecond = await createZaak(c, cat.zaaktype.url, { zaakgeometrie: point(201, 201) });
    expect(urls(await zoek({ zaakgeometrie: { within: multi } }))).to.have.members([inRing.url, inSecond.url]);
    expect(urls(await zoek({ zaakgeometrie: { within: point(105, 105) } }))).to.deep.equal([]);
  });

  it('[zrc:zoek] uuid__in, zaaktype__in and list filters in the body; paging from the query string', async () => {
    const c = await admin();
    const a = await createZaak(c, cat.zaaktype.url, { startdatum: '2023-05-01' });
    const b = await createZaak(c, cat.zaaktype.url, { startdatum: '2023-05-02' });
    expect(urls(await zoek({ uuid__in: [a.uuid, b.uuid] }))).to.have.members([a.url, b.url]);
    expect(urls(await zoek({ uuid__in: [a.uuid, b.uuid], startdatum: '2023-05-02' }))).to.deep.equal([b.url]);
    const paged = await zoek({ uuid__in: [a.uuid, b.uuid] }, '?pageSize=1');
    expect(paged.count).to.equal(2);
    expect(paged.results).to.have.length(1);
    const other = await catalogue();
    expect(urls(await zoek({ uuid__in: [a.uuid], zaaktype__in: [other.zaaktype.url] }))).to.deep.equal([]);
  });

  it('[zrc-029] fields limits each result to the named fields (and url); fields with expand is refused', async () => {
    const c = await admin();
    const a = await createZaak(c, cat.zaaktype.url);
    const page = await zoek({ uuid__in: [a.uuid], fields: ['identificatie', 'startdatum'] });
    expect(page.results).to.deep.equal([{ url: a.url, identificatie: a.identificatie, startdatum: a.startdatum }]);
    const both = await c.request('POST', `${ZRC}/zaken/_zoek`, { uuid__in: [a.uuid], fields: ['identificatie'], expand: 'zaaktype' });
    expect(both.status).to.equal(400);
    const unknown = await c.request('POST', `${ZRC}/zaken/_zoek`, { uuid__in: [a.uuid], fields: ['nietbestaand'] });
    expectInvalid(unknown, 'fields', 'invalid_choice');
  });
});
