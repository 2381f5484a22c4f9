// Kubernetes' CEL type libraries (quantity, url, ip/cidr, semver, format), registered together.
import type { Environment } from '@marcbachmann/cel-js';

export function registerKubernetesTypes(_env: Environment): void {}
