// The README's configuration example must stay a valid configuration.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';

describe('README configuration example', () => {
  it('loads without errors and sets what it says', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const { config, errors } = loadConfig(yaml, 'README.md');
    expect(errors).toEqual([]);
    expect(config.clusters.map((c) => c.name)).toEqual(['prod', 'staging']);
    expect(config.exemptions.allowedNamespaces).toEqual(['kube-system', 'kube-public', 'gatekeeper-system']);
  });
});
