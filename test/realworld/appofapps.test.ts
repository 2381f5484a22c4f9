// An Argo CD app of apps (a root Application over apps/: a helm Application with valueFiles and parameters, a
// kustomize Application with images, an ApplicationSet with a git directory generator, a jsonnet Application
// listed as not simulated): fixtures/realworld/appofapps.
import { replayRepository } from './suite.ts';

replayRepository('appofapps');
