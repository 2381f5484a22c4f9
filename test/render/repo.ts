// Fixture repositories built as real git repositories at test time.
import { cpSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, GitRepo } from '../support/git-repo.ts';

export { git };

/** A chart template making one Flux Kustomization per team (`.Values.teams`), each deploying `./teams/<team>`. */
export const FLUX_TEAMS_TEMPLATE = `{{- range .Values.teams }}
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: team-{{ . }}, namespace: flux-system}
spec:
  path: ./teams/{{ . }}
  targetNamespace: team-{{ . }}
  sourceRef: {kind: GitRepository, name: flux-system}
{{- end }}
`;

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'render');

export class FixtureRepo extends GitRepo {
  /** Moves `from` to `to` (relative to the work tree) and commits; returns the new sha. */
  rename(from: string, to: string): string {
    mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
    renameSync(path.join(this.dir, from), path.join(this.dir, to));
    return this.commitAll(`rename ${from}`);
  }
}

/** A copy of fixtures/render/<name> (or an empty tree) committed as the first commit of a new repository. */
export function fixtureRepo(name?: string): FixtureRepo {
  const repo = FixtureRepo.temp('preadmit-fixture-');
  if (name !== undefined) cpSync(path.join(FIXTURES, name), repo.dir, { recursive: true });
  repo.commitAll('fixture', { allowEmpty: true });
  return repo;
}
