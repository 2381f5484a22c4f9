import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, defaultConfig, loadConfig } from '../../src/config/load.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/config/${name}`, import.meta.url), 'utf8');

/** 1-based numbers of the lines carrying `marker`. */
function markedLines(text: string, marker: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes(marker) ? [i + 1] : []));
}

describe('loadConfig', () => {
  it('gives the documented defaults when the repository has no config', () => {
    const { config, errors } = loadConfig(undefined, CONFIG_FILE);
    expect(errors).toEqual([]);
    expect(config).toEqual({
      clusters: [{ name: 'default', manifests: ['.'], policies: ['.'], shippedPolicies: false, inventory: [], helmValues: {}, apiVersions: [], defaultNamespace: 'default', exclude: [] }],
      enforcementPoint: 'validation.gatekeeper.sh',
      blocking: { newDeny: true, newWarn: false, existingViolations: false, errorsAtHead: true, exemptionOutsideAllowList: true, policyRelaxation: true, unsimulated: false },
      exemptions: { allowedNamespaces: undefined },
      expandWorkloads: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController'],
      gitops: { enabled: true, repoURLs: [] },
    });
  });

  it('treats an empty file, or one with only comments, as the defaults', () => {
    for (const text of ['', '# nothing yet\n', '---\n', 'null\n']) {
      expect(loadConfig(text, CONFIG_FILE)).toEqual({ config: defaultConfig(), errors: [] });
    }
  });

  it('reads a full configuration and fills what it leaves out', () => {
    const { config, errors } = loadConfig(fixture('full.yml'), 'fixtures/config/full.yml');
    expect(errors).toEqual([]);
    expect(config.clusters.map((c) => c.name)).toEqual(['prod', 'staging']);
    expect(config.clusters[0]).toEqual({
      name: 'prod',
      manifests: ['envs/prod', 'manifests'],
      policies: ['policies'],
      shippedPolicies: true,
      inventory: ['inventory/prod.yaml'],
      helmValues: { 'charts/api': ['envs/api-common.yaml', 'envs/api-prod.yaml'] },
      kubeVersion: undefined,
      apiVersions: [],
      defaultNamespace: 'default',
      exclude: ['**/test/**'],
    });
    expect(config.clusters[1]).toEqual({ ...defaultConfig().clusters[0], name: 'staging', manifests: ['envs/staging'] });
    expect(config.blocking).toEqual({ ...defaultConfig().blocking, newWarn: true });
    expect(config.exemptions.allowedNamespaces).toEqual(['kube-system', 'gatekeeper-*', '*-system']);
    expect(config.expandWorkloads).toEqual(['Deployment', 'CronJob']);
  });

  it('reads a cluster\'s kubeVersion and apiVersions; a bad one is an error at its line, the good entries stay', () => {
    const text = [
      'clusters:',
      '  - name: prod',
      '    kubeVersion: v1.31.4',
      '    apiVersions:',
      '      - monitoring.coreos.com/v1',
      '      - monitoring.coreos.com/v1/ServiceMonitor',
      '  - name: edge',
      '    kubeVersion: "1.29 --set x=y"',
      '    apiVersions:',
      '      - policy/v1',
      '      - --kube-version=1.0',
      '      - policy/v1',
      '  - name: old',
      '    kubeVersion: 1.28',
      '',
    ].join('\n');
    const { config, errors } = loadConfig(text, CONFIG_FILE);
    expect(config.clusters[0]).toMatchObject({ kubeVersion: 'v1.31.4', apiVersions: ['monitoring.coreos.com/v1', 'monitoring.coreos.com/v1/ServiceMonitor'] });
    expect(config.clusters[1]).toMatchObject({ kubeVersion: undefined, apiVersions: ['policy/v1'] });
    expect(config.clusters[2]!.kubeVersion).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^\.github\/preadmit\.yml:8: clusters\[1\]\.kubeVersion: .*Kubernetes version/),
      expect.stringMatching(/^\.github\/preadmit\.yml:11: clusters\[1\]\.apiVersions\[1\]: .*API version/),
      expect.stringMatching(/^\.github\/preadmit\.yml:12: clusters\[1\]\.apiVersions\[2\]: "policy\/v1" is listed twice/),
      // A YAML number is not a version (1.30 would read as 1.3): it must be quoted.
      expect.stringMatching(/^\.github\/preadmit\.yml:14: clusters\[2\]\.kubeVersion: /),
    ]);
  });

  it('reads a cluster\'s defaultNamespace (default: default); one that is no namespace name is an error at its line', () => {
    const text = ['clusters:', '  - name: prod', '    defaultNamespace: apps', '  - name: staging', '    defaultNamespace: Not_A_Namespace', '  - name: dev'].join('\n');
    const { config, errors } = loadConfig(text, '.github/preadmit.yml');
    expect(config.clusters.map((c) => c.defaultNamespace)).toEqual(['apps', 'default', 'default']);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^\.github\/preadmit\.yml:5: clusters\[1\]\.defaultNamespace: .*namespace name/)]);
  });

  it('names the line of every offending key, and only those lines', () => {
    const text = fixture('errors.yml');
    const file = '.github/preadmit.yml';
    const { errors } = loadConfig(text, file);
    const expected = markedLines(text, '# expect-error');
    expect(errors.map((e) => e.source?.startLine)).toEqual(expected);
    for (const e of errors) {
      expect(e.kind).toBe('config');
      expect(e.source?.file).toBe(file);
      expect(e.message.startsWith(`${file}:${e.source?.startLine}: `)).toBe(true);
    }
    const messages = errors.map((e) => e.message).join('\n');
    expect(messages).toContain('clusters[0].polices: unknown key "polices"; did you mean "policies"?');
    expect(messages).toContain('clusters[0].manifests[1]: "/etc/kubernetes" is not a repository-relative path');
    expect(messages).toContain('clusters[2].name: required key "name" is missing');
    expect(messages).toContain('cluster "prod" is declared twice');
    expect(messages).toContain('extra: unknown key "extra"');
  });

  it('still yields a usable config from a file with errors: defaults for the bad parts, the rest as written', () => {
    const { config } = loadConfig(fixture('errors.yml'), CONFIG_FILE);
    expect(config.clusters.map((c) => c.name)).toEqual(['prod', 'cluster-2', 'cluster-3']);
    // A bad list falls back to its default whole; good fields of the same cluster are kept.
    expect(config.clusters[0]!.manifests).toEqual(['.']);
    expect(config.clusters[0]!.helmValues).toEqual({});
    expect(config.clusters[2]!.manifests).toEqual(['apps']);
    expect(config.clusters[1]!.shippedPolicies).toBe(false);
    expect(config.enforcementPoint).toBe('validation.gatekeeper.sh');
    // A typo cannot turn off failing closed, and one bad namespace cannot turn governance off.
    expect(config.blocking).toEqual({ ...defaultConfig().blocking, newWarn: true });
    expect(config.exemptions.allowedNamespaces).toEqual(['kube-system']);
    expect(config.expandWorkloads).toEqual(defaultConfig().expandWorkloads);
  });

  it('reports YAML that does not parse, or is not a mapping, with its line and the defaults', () => {
    const broken = loadConfig('clusters:\n  - name: prod\n    manifests: [a, b\n', CONFIG_FILE);
    expect(broken.config).toEqual(defaultConfig());
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]!.message).toMatch(/^\.github\/preadmit\.yml:\d+: invalid YAML/);
    const list = loadConfig('- a\n- b\n', CONFIG_FILE);
    expect(list.errors.map((e) => e.message)).toEqual(['.github/preadmit.yml:1: document is a list, not an object']);
    const twoDocs = loadConfig('blocking: {newWarn: true}\n---\nblocking: {newWarn: false}\n', CONFIG_FILE);
    expect(twoDocs.config.blocking.newWarn).toBe(true);
    expect(twoDocs.errors.map((e) => e.source?.startLine)).toEqual([3]);
  });

  it('refuses hostile input without crashing: duplicate keys, alias bombs, huge files', () => {
    const dup = loadConfig('blocking:\n  newWarn: true\n  newWarn: false\n', CONFIG_FILE);
    expect(dup.errors).toHaveLength(1);
    expect(dup.errors[0]!.source?.startLine).toBe(3);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const bombed = loadConfig(bomb, CONFIG_FILE);
    expect(bombed.errors.length).toBeGreaterThan(0);
    expect(bombed.config).toEqual(defaultConfig());
    const huge = loadConfig(`# ${'x'.repeat(300_000)}\n`, CONFIG_FILE);
    expect(huge.errors[0]!.message).toMatch(/over the \d+-byte limit/);
  });

  it('accepts the same configuration written as JSON', () => {
    const text = JSON.stringify({ clusters: [{ name: 'prod', manifests: ['k8s'] }], blocking: { newWarn: true } }, null, 2);
    const { config, errors } = loadConfig(text, '.github/preadmit.json');
    expect(errors).toEqual([]);
    expect(config.clusters[0]!.manifests).toEqual(['k8s']);
    expect(config.blocking.newWarn).toBe(true);
    const bad = loadConfig('{\n  "clusters": [\n    {"name": "prod", "manifests": "k8s"}\n  ]\n}\n', '.github/preadmit.json');
    expect(bad.errors.map((e) => e.source?.startLine)).toEqual([3]);
  });

  it('rejects paths that leave the repository, whatever their spelling', () => {
    for (const path of ['/abs', '..', '../x', 'a/../../x', 'a/..', 'C:/x', 'a\\b']) {
      const { errors } = loadConfig(`clusters:\n  - name: c\n    manifests: [${JSON.stringify(path)}]\n`, CONFIG_FILE);
      expect(errors, path).toHaveLength(1);
      expect(errors[0]!.source?.startLine).toBe(3);
    }
    for (const path of ['.', 'a/b', './a', 'a..b/c', '.github/x']) {
      expect(loadConfig(`clusters:\n  - name: c\n    manifests: [${JSON.stringify(path)}]\n`, CONFIG_FILE).errors, path).toEqual([]);
    }
  });
});
