import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../schema/preadmit.schema.json' with { type: 'json' };
import { defaultConfig } from '../../src/config/load.ts';

const Ajv = AjvModule.default;

describe('schema/preadmit.schema.json', () => {
  it('is a valid draft-07 JSON Schema', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('admits the defaults written out in full, and describes every configuration key', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const written = JSON.parse(JSON.stringify({ ...defaultConfig(), exemptions: { allowedNamespaces: ['kube-system'] } })) as unknown;
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    const d = defaultConfig();
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(d).sort());
    expect(Object.keys(schema.properties.blocking.properties).sort()).toEqual(Object.keys(d.blocking).sort());
    expect(Object.keys(schema.definitions.cluster.properties).sort()).toEqual(Object.keys(d.clusters[0]!).sort());
    expect(schema.properties.expandWorkloads.items.enum).toEqual(d.expandWorkloads);
  });
});
