// Plain manifests, kustomize base/overlay/components, a helm chart with test hooks: a microservices demo's
// routine PRs pass, the ones that add violations block (fixtures/realworld/shop).
import { replayRepository } from './suite.ts';

replayRepository('shop');
