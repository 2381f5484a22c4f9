// The bundle's build id: a hash of the sources `npm run build` bundled (scripts/build.mjs defines it), the code
// fingerprint of the caches that hold what preadmit's own code made (renders, parsed manifests).

/** Defined by the bundler in dist/; undeclared when running the TypeScript sources. */
declare const PREADMIT_BUILD_ID: string | undefined;

/** The bundle's build id, or undefined when running the TypeScript sources. */
export function bundleBuildId(): string | undefined {
  return typeof PREADMIT_BUILD_ID === 'string' ? PREADMIT_BUILD_ID : undefined;
}
