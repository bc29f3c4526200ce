// schemas/<api>.json: generated from the contract without drift, compiles, and really validates.
import { readFileSync, readdirSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { expect } from 'chai';
import type { Ajv } from 'ajv';
import { createAjv, loadSchemas } from '../../src/core/ajv.js';
import { generateSchemaDocument, type SchemaDocument } from '../../tools/jsonschema/document.js';
import { serialize } from '../../tools/gen-schemas.js';
import { API_NAMES as STANDARD_API_NAMES, OWN_API_NAMES, contractPath, loadContract, schemaPath } from './load.js';

const API_NAMES = [...STANDARD_API_NAMES, ...OWN_API_NAMES];

const committed = (api: string): SchemaDocument => JSON.parse(readFileSync(schemaPath(api), 'utf8')) as SchemaDocument;

describe('[schemas:drift] schemas/*.json is exactly what gen:schemas makes from openapi/*.yaml', () => {
  for (const api of API_NAMES) {
    it(`[schemas:drift:${api}] regenerating gives the committed file (run npm run gen:schemas)`, () => {
      const fresh = serialize(generateSchemaDocument(api, loadContract(api)));
      expect(fresh === readFileSync(schemaPath(api), 'utf8'), `schemas/${api}.json is stale`).to.equal(true);
    });
  }

  it('[schemas:drift] there is one schemas/*.json per contract and no other', () => {
    const files = readdirSync(schemaPath('x').replace(/x\.json$/, '')).filter((f) => f.endsWith('.json'));
    expect(files.sort()).to.deep.equal(API_NAMES.map((a) => `${a}.json`).sort());
  });
});

describe('[schemas:compile] every schema and operation compiles with createAjv()', () => {
  const ajv = loadSchemas(createAjv(), API_NAMES);

  for (const api of API_NAMES) {
    it(`[schemas:compile:${api}] request and response schemas compile`, () => {
      const doc = committed(api);
      for (const mode of ['request', 'response'] as const) {
        for (const name of Object.keys(doc[mode])) {
          expect(ajv.getSchema(`${api}#/${mode}/${name}`), `${mode}/${name}`).to.be.a('function');
        }
      }
    });

    it(`[schemas:compile:${api}] every operation's params, body and response schemas compile`, () => {
      for (const [id, op] of Object.entries(committed(api).operations)) {
        const at = `${api}#/operations/${id}`;
        op.params.forEach((_p, i) => expect(ajv.getSchema(`${at}/params/${i}/schema`), `${id} param ${i}`).to.be.a('function'));
        if (op.body?.schema) expect(ajv.getSchema(`${at}/body/schema`), `${id} body`).to.be.a('function');
        for (const [status, r] of Object.entries(op.responses)) {
          if (r.schema) expect(ajv.getSchema(`${at}/responses/${status}/schema`), `${id} ${status}`).to.be.a('function');
        }
      }
    });
  }
});

describe('[schemas:openapi] every openapi/*.yaml is valid OpenAPI 3.0', () => {
  for (const api of API_NAMES) {
    it(`[schemas:openapi:${api}] swagger-parser validates openapi/${api}.yaml`, async () => {
      await SwaggerParser.validate(contractPath(api));
    });
  }
});

describe('[schemas:validate] the generated validators accept and reject the right bodies', () => {
  const ajv: Ajv = loadSchemas(createAjv(), ['zaken', 'documenten']);
  const check = (ref: string, data: unknown): string[] => {
    const validate = ajv.getSchema(ref)!;
    return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
  const zaak = {
    bronorganisatie: '517439943',
    verantwoordelijkeOrganisatie: '517439943',
    startdatum: '2026-01-31',
    zaaktype: 'https://example.com/catalogi/api/v1/zaaktypen/1',
  };

  it('[schemas:validate] a minimal Zaak request is valid, without the readOnly url/uuid', () => {
    expect(check('zaken#/request/Zaak', zaak)).to.deep.equal([]);
    expect(committed('zaken').request.Zaak!.required).to.not.include('url');
    expect(committed('zaken').response.Zaak!.required).to.include('url');
  });

  it('[schemas:validate] a Zaak request without a required field fails (zaaktype)', () => {
    const { zaaktype: _dropped, ...rest } = zaak;
    expect(check('zaken#/request/Zaak', rest).join()).to.contain("must have required property 'zaaktype'");
  });

  it('[schemas:validate] a nullable field accepts null (einddatumGepland, verlenging)', () => {
    expect(check('zaken#/request/Zaak', { ...zaak, einddatumGepland: null, verlenging: null })).to.deep.equal([]);
  });

  it('[schemas:validate] an enum rejects an unknown value (vertrouwelijkheidaanduiding)', () => {
    expect(check('zaken#/request/Zaak', { ...zaak, vertrouwelijkheidaanduiding: 'supergeheim' })).to.not.be.empty;
    expect(check('zaken#/request/Zaak', { ...zaak, vertrouwelijkheidaanduiding: 'geheim' })).to.deep.equal([]);
  });

  it('[schemas:validate] format uri rejects "not a url"; format date rejects 2026-13-01', () => {
    expect(check('zaken#/request/Zaak', { ...zaak, zaaktype: 'not a url' }).join()).to.contain('format "uri"');
    expect(check('zaken#/request/Zaak', { ...zaak, startdatum: '2026-13-01' }).join()).to.contain('format "date"');
  });

  it('[schemas:validate] a discriminator picks the variant (Rol betrokkeneIdentificatie, zaakgeometrie)', () => {
    const rol = {
      zaak: 'https://example.com/zaken/api/v1/zaken/1',
      roltype: 'https://example.com/catalogi/api/v1/roltypen/1',
      roltoelichting: 'x',
      betrokkeneType: 'natuurlijk_persoon',
      betrokkeneIdentificatie: { inpA_nummer: '123' },
    };
    expect(check('zaken#/request/Rol', rol).join()).to.contain('pattern');
    expect(check('zaken#/request/Rol', { ...rol, betrokkeneType: 'onbekend' })).to.not.be.empty;
    const point = { type: 'Point', coordinates: [5.1, 52.1] };
    expect(check('zaken#/request/Zaak', { ...zaak, zaakgeometrie: point })).to.deep.equal([]);
    expect(check('zaken#/request/Zaak', { ...zaak, zaakgeometrie: { type: 'Point', coordinates: [5.1] } })).to.not.be.empty;
  });

  it('[schemas:validate] OpenAPI-only formats are accepted (int64, byte); pageSize above 500 is accepted (lowered by the server), below 1 refused', () => {
    for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) {
      expect(ajv.formats, format).to.have.property(format); // registered, so never "unknown format ignored"
    }
    const eio = ajv.getSchema('documenten#/response/EnkelvoudigInformatieObject')!.schema as { properties: object };
    expect(eio.properties).to.have.nested.property('bestandsomvang.format', 'int64');
    const pageSize = committed('zaken').operations.zaak_list!.params.findIndex((p) => p.name === 'pageSize');
    expect(check(`zaken#/operations/zaak_list/params/${pageSize}/schema`, 500)).to.deep.equal([]);
    expect(check(`zaken#/operations/zaak_list/params/${pageSize}/schema`, 501)).to.deep.equal([]);
    expect(check(`zaken#/operations/zaak_list/params/${pageSize}/schema`, 0)).to.not.be.empty;
  });
});
