import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, renderSarif, renderSarifText, SARIF_SCHEMA } from '../../src/report/sarif.ts';
import type { SimulationReport } from '../../src/simulate/types.ts';
import { cluster, emptyReport, finding, fullReport, HOSTILE_MESSAGE, objectRef, report } from './reports.ts';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The required properties and value constraints of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) for the parts
 * preadmit writes: sarifLog, run, tool, toolComponent, reportingDescriptor, result, message, location,
 * physicalLocation, artifactLocation, region, invocation. Returns what is wrong, empty when the log is valid.
 */
function sarifProblems(log: unknown): string[] {
  const p: string[] = [];
  const need = (cond: boolean, what: string) => {
    if (!cond) p.push(what);
  };
  const message = (m: unknown, at: string) => need(isObject(m) && (typeof m.text === 'string' || typeof m.id === 'string'), `${at}: message needs text or id`);
  const locations = (list: unknown, rat: string) => {
    need(list === undefined || Array.isArray(list), `${rat}.locations is an array`);
    for (const [li, loc] of (Array.isArray(list) ? list : []).entries()) {
      const lat = `${rat}.locations[${li}]`;
      need(isObject(loc), `${lat} is an object`);
      if (!isObject(loc) || loc.physicalLocation === undefined) continue;
      const phys = loc.physicalLocation;
      need(isObject(phys) && (phys.address !== undefined || phys.artifactLocation !== undefined), `${lat}.physicalLocation needs address or artifactLocation`);
      if (!isObject(phys)) continue;
      if (isObject(phys.artifactLocation)) need(typeof phys.artifactLocation.uri === 'string' && !/^\//.test(phys.artifactLocation.uri), `${lat} uri is relative`);
      if (phys.region !== undefined) {
        const reg = phys.region as Json;
        need(Number.isInteger(reg.startLine) && (reg.startLine as number) >= 1, `${lat}.region.startLine ≥ 1`);
        need(reg.endLine === undefined || (Number.isInteger(reg.endLine) && (reg.endLine as number) >= (reg.startLine as number)), `${lat}.region.endLine ≥ startLine`);
      }
    }
  };
  const levels = ['none', 'note', 'warning', 'error'];
  need(isObject(log), 'log is an object');
  if (!isObject(log)) return p;
  need(log.version === '2.1.0', 'version is "2.1.0"');
  need(typeof log.$schema === 'string' && /^https?:\/\//.test(log.$schema), '$schema is a URI');
  need(Array.isArray(log.runs), 'runs is an array');
  for (const [ri, run] of (Array.isArray(log.runs) ? log.runs : []).entries()) {
    const at = `runs[${ri}]`;
    need(isObject(run) && isObject(run.tool) && isObject(run.tool.driver), `${at}.tool.driver is required`);
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver)) continue;
    const driver = run.tool.driver;
    need(typeof driver.name === 'string' && driver.name !== '', `${at}.tool.driver.name is required`);
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    need(driver.rules === undefined || Array.isArray(driver.rules), `${at}.tool.driver.rules is an array`);
    const ids = new Set<string>();
    for (const [i, rule] of rules.entries()) {
      need(isObject(rule) && typeof rule.id === 'string', `${at}.rules[${i}].id is required`);
      if (!isObject(rule)) continue;
      need(!ids.has(String(rule.id)), `${at}.rules[${i}].id is unique`);
      ids.add(String(rule.id));
      if (rule.shortDescription !== undefined) need(isObject(rule.shortDescription) && typeof rule.shortDescription.text === 'string', `${at}.rules[${i}].shortDescription.text`);
      if (isObject(rule.defaultConfiguration)) need(['none', 'note', 'warning', 'error'].includes(String(rule.defaultConfiguration.level)), `${at}.rules[${i}] level`);
    }
    // toolComponent.notifications: reportingDescriptors; invocation.toolExecutionNotifications: notification objects
    // (§3.58: message required, level, locations, descriptor a reportingDescriptorReference into the notifications).
    const notes = Array.isArray(driver.notifications) ? driver.notifications : [];
    need(driver.notifications === undefined || Array.isArray(driver.notifications), `${at}.tool.driver.notifications is an array`);
    for (const [i, n] of notes.entries()) need(isObject(n) && typeof n.id === 'string', `${at}.notifications[${i}].id is required`);
    for (const [ii, inv] of (Array.isArray(run.invocations) ? run.invocations : []).entries()) {
      need(isObject(inv) && typeof inv.executionSuccessful === 'boolean', `${at}.invocations[${ii}].executionSuccessful is required`);
      if (!isObject(inv)) continue;
      need(inv.toolExecutionNotifications === undefined || Array.isArray(inv.toolExecutionNotifications), `${at}.invocations[${ii}].toolExecutionNotifications is an array`);
      for (const [ni, n] of (Array.isArray(inv.toolExecutionNotifications) ? inv.toolExecutionNotifications : []).entries()) {
        const nat = `${at}.invocations[${ii}].toolExecutionNotifications[${ni}]`;
        need(isObject(n), `${nat} is an object`);
        if (!isObject(n)) continue;
        message(n.message, nat);
        if (n.level !== undefined) need(levels.includes(String(n.level)), `${nat}.level`);
        locations(n.locations, nat);
        if (n.descriptor !== undefined) {
          const d = n.descriptor as Json;
          need(isObject(d) && (typeof d.id === 'string' || Number.isInteger(d.index)), `${nat}.descriptor needs id or index`);
          if (isObject(d) && d.index !== undefined) need(isObject(notes[d.index as number]) && (notes[d.index as number] as Json).id === d.id, `${nat}.descriptor.index points at notification ${String(d.id)}`);
        }
      }
    }
    need(run.results === undefined || Array.isArray(run.results), `${at}.results is an array`);
    for (const [i, r] of (Array.isArray(run.results) ? run.results : []).entries()) {
      const rat = `${at}.results[${i}]`;
      need(isObject(r), `${rat} is an object`);
      if (!isObject(r)) continue;
      message(r.message, rat);
      if (r.level !== undefined) need(['none', 'note', 'warning', 'error'].includes(String(r.level)), `${rat}.level`);
      if (r.kind !== undefined) need(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'].includes(String(r.kind)), `${rat}.kind`);
      if (r.baselineState !== undefined) need(['new', 'unchanged', 'updated', 'absent'].includes(String(r.baselineState)), `${rat}.baselineState`);
      if (r.ruleIndex !== undefined) {
        need(Number.isInteger(r.ruleIndex) && (r.ruleIndex as number) >= -1, `${rat}.ruleIndex is an integer ≥ -1`);
        const rule = rules[r.ruleIndex as number];
        need(isObject(rule) && rule.id === r.ruleId, `${rat}.ruleIndex points at rule ${String(r.ruleId)}`);
      }
      if (r.partialFingerprints !== undefined) {
        need(isObject(r.partialFingerprints) && Object.values(r.partialFingerprints).every((v) => typeof v === 'string'), `${rat}.partialFingerprints values are strings`);
      }
      locations(r.locations, rat);
    }
  }
  return p;
}

describe('renderSarif', () => {
  it('writes a valid SARIF 2.1.0 log for an empty report', () => {
    const log = renderSarif(emptyReport());
    expect(sarifProblems(log)).toEqual([]);
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('reports the violations present at head, exemptions outside the allow list and head errors', () => {
    const r = fullReport();
    const log = JSON.parse(renderSarifText(r, { repositoryUri: 'https://github.com/acme/gitops' })) as ReturnType<typeof renderSarif>;
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0]!;
    const present = r.clusters[0]!.findings.filter((f) => f.category !== 'fixed');
    const findingResults = run.results.filter((x) => x.partialFingerprints[FINGERPRINT_KEY] !== undefined && present.some((f) => f.id === x.partialFingerprints[FINGERPRINT_KEY]));
    expect(findingResults).toHaveLength(present.length);
    for (const f of present) {
      const res = run.results.find((x) => x.partialFingerprints[FINGERPRINT_KEY] === f.id)!;
      expect(res.ruleId).toBe(f.constraint.kind);
      expect(res.level).toBe({ deny: 'error', warn: 'warning', dryrun: 'note' }[f.actions[0]!]);
      expect(res.baselineState).toBe(f.category === 'new' ? 'new' : 'unchanged');
      expect(res.locations[0]!.physicalLocation!.artifactLocation.uri).toBe(f.objectSource!.file);
      expect(res.locations[0]!.physicalLocation!.region).toEqual({ startLine: f.objectSource!.startLine, endLine: f.objectSource!.endLine });
      expect(res.message.text).toContain(f.message);
    }
    const fixed = r.clusters[0]!.findings.find((f) => f.category === 'fixed')!;
    expect(run.results.some((x) => x.partialFingerprints[FINGERPRINT_KEY] === fixed.id)).toBe(false);
    expect(run.results.filter((x) => x.ruleId === 'preadmit/exemption-outside-allow-list')).toHaveLength(1);
    expect(run.results.filter((x) => x.ruleId === 'preadmit/input-error')).toHaveLength(1);
    expect(new Set(run.tool.driver.rules.map((x) => x.id))).toEqual(new Set([...present.map((f) => f.constraint.kind), 'preadmit/exemption-outside-allow-list', 'preadmit/input-error']));
    expect(run.versionControlProvenance?.[0]?.revisionId).toBe(r.head.sha);
  });

  it('keeps rule indexes right with many findings and hostile content', () => {
    const kinds = ['K8sA', 'K8sB', 'K8sC', 'K8sD'];
    const findings = Array.from({ length: 300 }, (_, i) =>
      finding({ object: objectRef(`s${i}`), message: i === 7 ? HOSTILE_MESSAGE : `m${i}`, constraint: { kind: kinds[i % 4]!, name: `c${i % 5}` }, category: i % 3 === 0 ? 'unchanged' : 'new' }),
    );
    const r: SimulationReport = report([cluster('default', { findings })]);
    const log = renderSarif(r);
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]!.results).toHaveLength(300);
    expect(log.runs[0]!.tool.driver.rules.map((x) => x.id)).toEqual(kinds);
    expect(JSON.stringify(log)).not.toContain('\u001b');
    expect(renderSarifText(r)).toBe(renderSarifText(report([cluster('default', { findings: [...findings].reverse() })])));
  });

  it('carries the Coverage section: what each cluster simulated, every app or root not simulated at its file and line, and a note result for those the change touches', () => {
    const coverage = {
      simulated: { roots: { kustomize: 3, helm: 1 }, apps: { flux: 2 } },
      notSimulated: [
        { what: 'kustomize:apps/cache', source: { file: 'apps/cache/kustomization.yaml', startLine: 2, endLine: 2 }, reason: "render error: apps/cache/kustomization.yaml:2: helmCharts chart 'redis' from https://charts.example.com: not simulated: chart repository https://charts.example.com is not allowed", changed: true },
        { what: 'Flux HelmRelease podinfo', source: { file: 'clusters/prod/podinfo.yaml', startLine: 14, endLine: 30 }, reason: 'OCIRepository chartRef is not simulated', changed: false },
        { what: 'helm:charts/x#x', reason: `render error: ${HOSTILE_MESSAGE}`, changed: false },
      ],
    };
    const r = report([cluster('prod', { coverage }), cluster('empty', { coverage: { simulated: { roots: {}, apps: {} }, notSimulated: [] } })]);
    const log = JSON.parse(renderSarifText(r)) as ReturnType<typeof renderSarif>;
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0]!;
    const notes = run.invocations[0]!.toolExecutionNotifications!;
    expect(notes.map((n) => n.message.text)).toEqual([
      'Cluster prod: simulated 3 kustomize root(s), 1 helm root(s), 2 Flux app(s); not simulated: 3',
      expect.stringContaining("Cluster prod: not simulated: kustomize:apps/cache: render error: apps/cache/kustomization.yaml:2: helmCharts chart 'redis'"),
      'Cluster prod: not simulated: Flux HelmRelease podinfo: OCIRepository chartRef is not simulated',
      expect.stringContaining('Cluster prod: not simulated: helm:charts/x#x: render error: '),
      'Cluster empty: simulated nothing; not simulated: 0',
    ]);
    expect(notes.every((n) => n.level === 'note')).toBe(true);
    expect(notes[1]!.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'apps/cache/kustomization.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, endLine: 2 } });
    expect(notes[2]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 14, endLine: 30 });
    expect(notes[3]!.locations![0]!.physicalLocation).toBeUndefined();
    expect(notes[1]!.descriptor).toEqual({ id: 'preadmit/not-simulated', index: 1 });
    expect(JSON.stringify(notes)).not.toContain('\u001b');
    // Touched by the change: also a result, at `note` level, on the declaration's line.
    const results = run.results.filter((x) => x.ruleId === 'preadmit/not-simulated');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ level: 'note', baselineState: 'new', locations: [{ physicalLocation: { artifactLocation: { uri: 'apps/cache/kustomization.yaml' }, region: { startLine: 2 } } }] });
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(['preadmit/not-simulated']);
    // No coverage in the report (an older report): no notification is made up.
    expect(renderSarif(emptyReport()).runs[0]!.invocations[0]!.toolExecutionNotifications).toBeUndefined();
  });

  it('catches what an invalid log would get wrong', () => {
    // The checker itself must fail on broken logs, or the tests above prove nothing.
    const log = renderSarif(fullReport()) as unknown as Json;
    const broken = structuredClone(log) as { runs: Array<{ results: Array<Json>; tool: { driver: Json } }> };
    broken.runs[0]!.results[0]!.ruleIndex = 99;
    delete broken.runs[0]!.tool.driver.name;
    (broken.runs[0]!.results[1] as Json).message = {};
    expect(sarifProblems(broken).length).toBe(3);
    const withNotes = renderSarif(report([cluster('prod', { coverage: { simulated: { roots: { helm: 1 }, apps: {} }, notSimulated: [{ what: 'x', reason: 'y', changed: false }] } })])) as unknown as Json;
    const badNotes = structuredClone(withNotes) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications: Json[] }> }> };
    delete badNotes.runs[0]!.invocations[0]!.toolExecutionNotifications[0]!.message;
    (badNotes.runs[0]!.invocations[0]!.toolExecutionNotifications[1]!.descriptor as Json).index = 0;
    expect(sarifProblems(withNotes)).toEqual([]);
    expect(sarifProblems(badNotes).length).toBe(2);
    expect(sarifProblems({ ...log, version: '2.0.0' })).toEqual(['version is "2.1.0"']);
  });
});
