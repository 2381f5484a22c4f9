// Argo CD CRs to apps (filled in below).
import type { JsonObject, SourcedObject } from '../../gatekeeper/types.ts';
import type { Mapped } from './flux.ts';
import type { ScanContext } from './scan.ts';

export function isArgoApplication(o: JsonObject): boolean {
  return o.kind === 'Application' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('argoproj.io/');
}

export function isArgoApplicationSet(o: JsonObject): boolean {
  return o.kind === 'ApplicationSet' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('argoproj.io/');
}

export async function argoApplication(_ctx: ScanContext, _o: SourcedObject): Promise<Mapped[]> {
  return [];
}

export async function argoApplicationSet(_ctx: ScanContext, _o: SourcedObject): Promise<Mapped[]> {
  return [];
}
