export { renderKustomize } from './render.ts';
export { parseKustomization, isKustomizationFile, isRemoteReference, KUSTOMIZATION_FILE_NAMES } from './kustomization.ts';
export type { Kustomization, KustomizeRef } from './kustomization.ts';
export { reachOf, kustomizeRootDirs, repoTree } from './graph.ts';
export type { KustomizeReach, RepoTree, KustomizationIndex } from './graph.ts';
