// What a published package.json must say (issue 15 §3), checked on the repository's manifest and
// again on the one pnpm writes into the tarball.

/** The public home of the project, used by every package.json and package README. */
export const REPOSITORY_URL = 'https://github.com/tokenward/tokenward';

/** The export condition that points tests and the type checker at `src/`; never published. */
export const SOURCE_CONDITION = '@tokenward/source';

/**
 * The export map without the source-only condition: what `publishConfig.exports` must be.
 *
 * @param {unknown} node - an `exports` value
 * @returns {unknown} the same map without `@tokenward/source` keys
 */
export function withoutSourceCondition(node) {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, value]) => [key, withoutSourceCondition(value)]),
  );
}

function mentionsSourceCondition(node) {
  return JSON.stringify(node ?? null).includes(`"${SOURCE_CONDITION}"`);
}

function metadataProblems(manifest, directory) {
  const problems = [];
  const expect = (ok, message) => ok || problems.push(message);
  expect(typeof manifest.description === 'string', 'description is missing');
  expect(manifest.license === 'MIT', 'license must be "MIT"');
  expect(['commonjs', 'module'].includes(manifest.type), 'type must be "commonjs" or "module"');
  expect(manifest.sideEffects === false, 'sideEffects must be false');
  expect(Array.isArray(manifest.keywords) && manifest.keywords.length > 0, 'keywords are missing');
  expect(
    manifest.homepage === `${REPOSITORY_URL}/tree/main/${directory}#readme`,
    `homepage must be ${REPOSITORY_URL}/tree/main/${directory}#readme`,
  );
  expect(
    manifest.bugs?.url === `${REPOSITORY_URL}/issues`,
    `bugs.url must be ${REPOSITORY_URL}/issues`,
  );
  expect(
    manifest.repository?.type === 'git' &&
      manifest.repository?.url === `git+${REPOSITORY_URL}.git` &&
      manifest.repository?.directory === directory,
    `repository must be { type: "git", url: "git+${REPOSITORY_URL}.git", directory: "${directory}" }`,
  );
  expect(typeof manifest.engines?.node === 'string', 'engines.node is missing');
  return problems;
}

// Under moduleResolution node10 TypeScript ignores `exports`: each subpath needs typesVersions.
function node10Problems(manifest) {
  const subpaths = Object.keys(manifest.exports ?? {}).filter(
    (key) => key !== '.' && key !== './package.json',
  );
  const mapped = manifest.typesVersions?.['*'] ?? {};
  return subpaths
    .filter((subpath) => !Array.isArray(mapped[subpath.slice(2)]))
    .map((subpath) => `typesVersions["*"] has no entry for ${subpath} (moduleResolution node10)`);
}

/**
 * Checks a package.json as it sits in the repository: metadata, and a `publishConfig.exports`
 * that is exactly `exports` without the source-only condition.
 *
 * @param {Record<string, any>} manifest - the parsed package.json
 * @param {string} directory - the package folder relative to the repository root
 * @returns {string[]} the problems, empty when it is fit to publish
 * @example
 * checkRepositoryManifest(JSON.parse(readFileSync('packages/core/package.json', 'utf8')), 'packages/core');
 */
export function checkRepositoryManifest(manifest, directory) {
  const problems = [...metadataProblems(manifest, directory), ...node10Problems(manifest)];
  const published = manifest.publishConfig?.exports;
  if (JSON.stringify(published) !== JSON.stringify(withoutSourceCondition(manifest.exports))) {
    problems.push(
      `publishConfig.exports must be exports without the "${SOURCE_CONDITION}" condition`,
    );
  }
  if (!manifest.files?.includes('dist') || !manifest.files?.includes('src')) {
    problems.push('files must list dist and src (the source maps point into src)');
  }
  return problems;
}

/**
 * Checks the package.json found in a packed tarball: the same metadata, no source-only condition,
 * no workspace protocol left in the dependencies.
 *
 * @param {Record<string, any>} manifest - the parsed package/package.json of the tarball
 * @param {string} directory - the package folder relative to the repository root
 * @returns {string[]} the problems, empty when it is fit to publish
 * @example
 * checkPackedManifest(JSON.parse(packedJson), 'packages/core');
 */
export function checkPackedManifest(manifest, directory) {
  const problems = [...metadataProblems(manifest, directory), ...node10Problems(manifest)];
  if (mentionsSourceCondition(manifest.exports)) {
    problems.push(`the published exports carry the "${SOURCE_CONDITION}" condition`);
  }
  if (manifest.publishConfig !== undefined) problems.push('publishConfig was not applied');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`${field}.${name} is ${range}`);
    }
  }
  return problems;
}
