// One verdict for the whole PR, from the findings and what the repository says blocks.
import type { BlockingConfig } from '../config/types.ts';
import type { ClusterReport, Verdict } from './types.ts';

export function computeVerdict(clusters: ClusterReport[], blocking: BlockingConfig): Verdict {
  const counts = { newDeny: 0, newWarn: 0, newDryrun: 0, fixed: 0, unchanged: 0, changed: 0, errors: 0, newErrors: 0, exemptionViolations: 0, policyRelaxations: 0 };
  const reasons: string[] = [];
  let promotedDenials = 0;
  let existingDeny = 0;
  let headErrors = 0;
  for (const c of clusters) {
    for (const f of c.findings) {
      if (f.category === 'fixed') counts.fixed++;
      else if (f.category === 'unchanged' || f.category === 'changed') {
        // A violation still there with another message is counted with the unchanged ones: never new.
        counts.unchanged++;
        if (f.category === 'changed') counts.changed++;
        if (f.actions.includes('deny')) existingDeny++;
      } else if (f.actions.includes('deny')) counts.newDeny++;
      else if (f.actions.includes('warn')) counts.newWarn++;
      else counts.newDryrun++;
    }
    for (const p of c.promotions) promotedDenials += p.objects.length;
    counts.errors += c.errors.length;
    // Errors the base has too are listed, not blocking: only what the change breaks blocks.
    headErrors += c.errors.filter((e) => e.ref === 'head' && !e.existing).length;
    if (blocking.unsimulated) {
      for (const n of (c.coverage?.notSimulated ?? []).filter((x) => x.changed)) reasons.push(`${c.name}: not simulated: ${n.what}: ${n.reason}`);
    }
    const bad = c.exemptions.filter((e) => e.change === 'added' && !e.allowed);
    counts.exemptionViolations += bad.length;
    if (blocking.exemptionOutsideAllowList) {
      for (const e of bad) reasons.push(`${c.name}: ${e.owner} exempts namespace ${JSON.stringify(e.namespace)}, which is not in the allowed exemptions list`);
    }
    // Exemptions the allow list names are sanctioned: listed, never counted or blocking.
    for (const r of c.relaxations.filter((x) => !x.allowed)) {
      counts.policyRelaxations++;
      if (blocking.policyRelaxation) reasons.push(`${c.name}: policy relaxation: ${r.description}, lets through ${r.letsThrough.length} violation${r.letsThrough.length === 1 ? '' : 's'}`);
    }
  }
  if (blocking.newDeny && counts.newDeny > 0) reasons.push(`${counts.newDeny} new violation(s) that the admission webhook would deny`);
  if (blocking.newDeny && promotedDenials > 0) {
    const names = clusters.flatMap((c) => c.promotions.filter((p) => p.objects.length > 0).map((p) => `${p.constraint.kind}/${p.constraint.name}`));
    reasons.push(`${promotedDenials} existing object(s) would start being denied by constraint(s) promoted to deny: ${names.join(', ')}`);
  }
  if (blocking.newWarn && counts.newWarn > 0) reasons.push(`${counts.newWarn} new violation(s) with the warn action`);
  if (blocking.existingViolations && existingDeny > 0) reasons.push(`${existingDeny} existing violation(s) that the admission webhook would deny`);
  counts.newErrors = headErrors;
  if (blocking.errorsAtHead && headErrors > 0) {
    const first = clusters.flatMap((c) => c.errors.filter((e) => e.ref === 'head' && !e.existing))[0];
    reasons.push(`${headErrors} render, policy or compile error(s) at head (fail closed)${first ? `, first: ${first.error.message}` : ''}`);
  }
  return { conclusion: reasons.length > 0 ? 'failure' : 'success', blocking: reasons, counts };
}

