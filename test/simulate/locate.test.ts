// The offending field's line: what a violation message names, found in the object and in its YAML source.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JsonObject } from '../../src/gatekeeper/types.ts';
import { imagesEntryLine, lineOfPath, offendingPath, valuesLine } from '../../src/simulate/locate.ts';

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
