// Kubernetes' CEL type libraries (quantity, url, ip/cidr, semver, format), registered together.
import type { Environment } from '@marcbachmann/cel-js';
import { registerFormat } from './format.ts';
import { registerIP } from './ip.ts';
import { registerQuantity } from './quantity.ts';
import { registerSemver } from './semver.ts';
import { registerURL } from './url.ts';

export function registerKubernetesTypes(env: Environment): void {
  registerQuantity(env);
  registerURL(env);
  registerIP(env);
  registerSemver(env);
  registerFormat(env);
}
