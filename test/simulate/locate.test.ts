// The offending field's line: what a violation message names, found in the object and in its YAML source.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JsonObject } from '../../src/gatekeeper/types.ts';
import { loadManifests } from '../../src/gatekeeper/load.ts';
import { imagesEntryLine, lineOfPath, offendingPath, valuesLine, type FieldPath } from '../../src/simulate/locate.ts';

const TEXT = `# leading comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: unrelated
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      hostPID: true
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: web
          image: nginx:1.25
          securityContext:
            privileged: true
        - name: web-sidecar
          image: envoy:1.30
`;
const object = parse(TEXT.split('---\n')[1]!) as JsonObject;
const source = { file: 'apps/web.yaml', startLine: 7, endLine: 25 };
const line = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle)) + 1;

function locate(message: string) {
  const found = offendingPath(object, message);
  return found && lineOfPath(TEXT, source, 'Deployment', found.path, found.container > 0 ? found.container : found.path.length)?.startLine;
}

describe('offendingPath + lineOfPath', () => {
  it('a quoted value inside the named container: that field', () => {
    expect(locate('container <web-sidecar> has an invalid image repo <envoy:1.30>')).toBe(line('envoy:1.30'));
    expect(locate('container <web> has an invalid image repo <nginx:1.25>')).toBe(line('nginx:1.25'));
  });

  it('a named key inside the named container: the deepest such field', () => {
    expect(locate('Privileged container is not allowed: web, securityContext: {"privileged": true}')).toBe(line('privileged: true'));
  });

  it('a named container and nothing else: the container entry', () => {
    expect(locate('container init has no resource limits')).toBe(line('- name: init'));
  });

  it('a named key outside any container', () => {
    expect(locate('hostPID is not allowed')).toBe(line('hostPID'));
  });

  it('nothing named (the object name alone does not count): undefined', () => {
    // The container `web` shares the object's name: the message may name either, so no field is claimed.
    expect(locate('Deployment web has no team label')).toBeUndefined();
    expect(offendingPath(object, 'Sharing the host namespace is not allowed: shop')).toBeUndefined();
    expect(offendingPath(object, 'Deployment shop/web (apps/v1) has no owner label')).toBeUndefined();
  });

  it('a document that is not the object, or a source that does not parse: undefined', () => {
    const path = ['spec', 'template', 'spec', 'hostPID'];
    expect(lineOfPath(TEXT, { ...source, startLine: 2 }, 'Deployment', path)).toBeUndefined();
    expect(lineOfPath('{{ if .Values.x }}\nkind: [', source, 'Deployment', path)).toBeUndefined();
  });
});

describe('imagesEntryLine', () => {
  const k = `resources:
  - ../base
images:
  - name: nginx
    newTag: "1.25"
  - name: envoy
    newName: registry.local:5000/mirror/envoy
    newTag: "1.30"
  - name: busybox
`;
  it('finds the entry whose new name (or name) and tag produced the image', () => {
    expect(imagesEntryLine(k, 'k/kustomization.yaml', 'nginx:1.25')?.startLine).toBe(4);
    expect(imagesEntryLine(k, 'k/kustomization.yaml', 'registry.local:5000/mirror/envoy:1.30')?.startLine).toBe(6);
  });

  it('none for an image no entry sets (other tag, an entry that changes nothing, no images list)', () => {
    expect(imagesEntryLine(k, 'k/kustomization.yaml', 'nginx:1.24')).toBeUndefined();
    expect(imagesEntryLine(k, 'k/kustomization.yaml', 'busybox')).toBeUndefined();
    expect(imagesEntryLine('resources: [a.yaml]\n', 'k/kustomization.yaml', 'nginx:1.25')).toBeUndefined();
  });
});

describe('valuesLine', () => {
  const values = 'image:\n  repository: quay.io/someone/api\n  tag: "2.1.0"\nname: api\nsidecars:\n  - image: envoy:1.30\n';
  it('the longest values scalar the rendered value contains', () => {
    expect(valuesLine(values, 'values.yaml', 'quay.io/someone/api:2.1.0')?.location.startLine).toBe(2);
    expect(valuesLine(values, 'values.yaml', 'envoy:1.30')?.location.startLine).toBe(6);
  });
  it('none when no scalar of 4+ characters is part of it', () => {
    expect(valuesLine(values, 'values.yaml', 'api')).toBeUndefined();
    expect(valuesLine('{{ broken', 'values.yaml', 'x')).toBeUndefined();
  });
});

describe('lineOfPath: a document read alone points where the whole file does', () => {
  // Every field path of every object, located with the object's own range (the document may be parsed alone) and
  // with a range that rules that out (endLine 0: the whole file is parsed), must give the same line.
  const texts: Record<string, string> = {
    plain: `${TEXT}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n`,
    comments: '# head\n\n---\n# about web\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  script: |\n    echo hi\n    # not a comment: part of the script\n# a real comment\n\n---\n\n...\n---\nkind: ConfigMap\nmetadata: {name: b}\n',
    directives: '%YAML 1.1\n---\nkind: ConfigMap\nmetadata:\n  name: a\n---\nkind: ConfigMap\nmetadata:\n  name: b\n',
    tagged: '--- !!map\nkind: ConfigMap\nmetadata:\n  name: a\n--- !!str\nkind: ConfigMap\n---\n&top\nkind: ConfigMap\nmetadata:\n  name: c\n',
    documentEnd: 'kind: ConfigMap\nmetadata:\n  name: a\n...\nkind: ConfigMap\nmetadata:\n  name: b\n...\n',
    crlf: 'kind: ConfigMap\r\nmetadata:\r\n  name: a\r\n---\r\nkind: Secret\r\nmetadata:\r\n  name: b\r\n',
    json: '{"kind": "ConfigMap",\n "metadata": {"name": "a", "labels": {"x": "y"}}}\n',
    anchors: 'kind: ConfigMap\nmetadata: &m\n  name: a\n  labels: {x: y}\nspec:\n  copy: *m\n---\nkind: ConfigMap\nmetadata:\n  name: b\n',
    quoted: 'kind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: "first\n# inside the quotes\n  last"\n---\nkind: ConfigMap\nmetadata:\n  name: b\n',
    topScalar: '--- |\nkind: ConfigMap\n# text\n---\nkind: ConfigMap\nmetadata:\n  name: b\n',
    broken: 'kind: ConfigMap\nmetadata:\n  name: a\n  bad: [\n---\nkind: ConfigMap\nmetadata:\n  name: b\n',
  };
  const paths = (value: unknown, prefix: FieldPath = []): FieldPath[] =>
    Array.isArray(value)
      ? value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])])
      : value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])])
        : [];

  for (const [name, text] of Object.entries(texts)) {
    it(name, () => {
      const { objects } = loadManifests(text, `${name}.yaml`, { yamlVersion: '1.1' });
      let located = 0;
      for (const { object, source } of objects) {
        const kind = String(object.kind);
        const lines = text.split('\n').length;
        // The object's own range, and ranges that do not fit it (a source from another text, a kustomize mapping).
        const ranges = [source, { ...source, startLine: source.startLine + 1 }, { ...source, endLine: source.endLine - 1 }, { ...source, startLine: 1, endLine: lines }];
        for (const range of ranges) {
          for (const path of paths(object)) {
            for (const minDepth of [1, path.length]) {
              const alone = lineOfPath(text, range, kind, path, minDepth);
              const whole = lineOfPath(text, { ...range, endLine: 0 }, kind, path, minDepth);
              expect({ name, range, path, minDepth, line: alone?.startLine }).toEqual({ name, range, path, minDepth, line: whole?.startLine });
              if (alone) located++;
            }
          }
        }
      }
      if (objects.length > 0 && name !== 'broken') expect(located).toBeGreaterThan(0);
    });
  }
});
