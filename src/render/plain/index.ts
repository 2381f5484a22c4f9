export { renderPlain, isKubernetesObject } from './render.ts';
