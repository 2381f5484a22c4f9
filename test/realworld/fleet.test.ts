// A Flux monorepo (clusters/production and clusters/staging, infrastructure/, apps/ with a base and overlays,
// HelmReleases of an in-repo chart with inline values and valuesFrom ConfigMaps, a HelmRelease of a remote
// HelmRepository that is listed as not simulated): fixtures/realworld/fleet.
import { replayRepository } from './suite.ts';

replayRepository('fleet');
