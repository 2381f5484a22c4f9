// Scans the tree at a ref for GitOps CRs (Flux Kustomization/HelmRelease, Argo CD Application/ApplicationSet)
// and maps each to an app, or to "not simulated" with the reason. Broken CRs are errors with file and line.
import { loadManifests } from '../../gatekeeper/load.ts';
import type { SourcedObject } from '../../gatekeeper/types.ts';
import { fluxHelmRelease, fluxKustomization, isFluxHelmRelease, isFluxKustomization, type Mapped } from './flux.ts';
import { argoApplication, argoApplicationSet, isArgoApplication, isArgoApplicationSet } from './argocd.ts';
import type { AppScan } from './model.ts';
import { metaOf, type ScanContext } from './scan.ts';

/** Text that may hold a GitOps CR: the API groups spelled out (cheap filter before parsing). */
export const MARKERS = ['toolkit.fluxcd.io', 'argoproj.io'];

/** Whether an object is a CR this module maps to apps (Flux Kustomization or HelmRelease, Argo CD Application or ApplicationSet). */
export function isAppCR(o: SourcedObject['object']): boolean {
  return isFluxKustomization(o) || isFluxHelmRelease(o) || isArgoApplication(o) || isArgoApplicationSet(o);
}

export async function scanApps(ctx: ScanContext, include: (file: string) => boolean): Promise<AppScan> {
  const scan: AppScan = { apps: [], unsimulated: [], errors: [] };
  const files = ctx.manifestFiles.filter(include);
  const bodies = await Promise.all(files.map((f) => ctx.text(f)));
  for (let i = 0; i < files.length; i++) {
    const body = bodies[i];
    if (body === undefined || !MARKERS.some((m) => body.includes(m))) continue;
    const loaded = loadManifests(body, files[i]!, { yamlVersion: '1.1' });
    // A document that does not load is reported with file and line by whatever renders the file (a plain root, an
    // app's path) or by coverage (a file no root renders): not a second time here.
    for (const o of loaded.objects) add(scan, await mapObject(ctx, o));
  }
  // Two CRs of the same file and name (in two namespaces): ids must stay apart.
  const seen = new Map<string, number>();
  for (const a of scan.apps) {
    const n = seen.get(a.id) ?? 0;
    seen.set(a.id, n + 1);
    if (n > 0) a.id = `${a.id}.${a.declared.startLine}`;
  }
  return scan;
}

export async function mapObject(ctx: ScanContext, o: SourcedObject): Promise<Mapped[]> {
  const mapped = isFluxKustomization(o.object)
    ? [await fluxKustomization(ctx, o)]
    : isFluxHelmRelease(o.object)
      ? [await fluxHelmRelease(ctx, o)]
      : isArgoApplication(o.object)
        ? await argoApplication(ctx, o)
        : isArgoApplicationSet(o.object)
          ? await argoApplicationSet(ctx, o)
          : [];
  const namespace = metaOf(o.object).namespace;
  if (namespace !== undefined) for (const m of mapped) if ('app' in m) m.app.namespace = namespace;
  return mapped;
}

function add(scan: AppScan, mapped: Mapped[]): void {
  for (const m of mapped) {
    if ('app' in m) scan.apps.push(m.app);
    else {
      scan.unsimulated.push(m.unsimulated);
      if ('error' in m) scan.errors.push(m.error);
    }
  }
}
