/** The part of a `.cpuprofile` (V8's CPU profile, JSON) that attribution reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Samples of a profile window: all busy ones, and those spent in tokenward. */
export interface SampleCounts {
  /** Samples in the window that were not idle. */
  busy: number;
  /** Busy samples whose nearest application frame is tokenward's. */
  tokenward: number;
}

// tokenward's own code, as the bench resolves it: the workspace packages' builds.
const TOKENWARD = /\/packages\/(?:core|express|koa|nestjs)\/dist\//;

// Node's internals and V8's natives run on behalf of the application frame that called them.
function isNodeOrNative(url: string): boolean {
  return url === '' || url.startsWith('node:');
}

/**
 * Counts the busy samples of a CPU profile between two clock readings, and those spent in
 * tokenward: a sample is tokenward's when, walking from its leaf towards the root past Node's
 * internals and natives (crypto, Map, Buffer …), the first application frame is tokenward's. The
 * framework's own code, the handler called through `next()`, the HTTP server, and garbage
 * collection are not.
 *
 * @param profile - the parsed `.cpuprofile`
 * @param fromMicros - window start, on the profile's clock
 * @param toMicros - window end
 * @returns the counts
 * @example
 * ```ts
 * const { busy, tokenward } = attributeSamples(profile, start, end);
 * const share = tokenward / busy;
 * ```
 */
export function attributeSamples(
  profile: CpuProfile,
  fromMicros: number,
  toMicros: number,
): SampleCounts {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const verdict = new Map<number, 'idle' | 'tokenward' | 'other'>();
  const classify = (id: number): 'idle' | 'tokenward' | 'other' => {
    const known = verdict.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)!.callFrame;
    let result: 'idle' | 'tokenward' | 'other';
    if (frame.functionName === '(idle)') result = 'idle';
    else if (TOKENWARD.test(frame.url)) result = 'tokenward';
    else if (isNodeOrNative(frame.url) && parent.has(id)) result = classify(parent.get(id)!);
    else result = 'other';
    verdict.set(id, result);
    return result;
  };
  const counts: SampleCounts = { busy: 0, tokenward: 0 };
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i] ?? 0;
    if (time < fromMicros || time > toMicros) continue;
    const kind = classify(profile.samples[i]!);
    if (kind === 'idle') continue;
    counts.busy++;
    if (kind === 'tokenward') counts.tokenward++;
  }
  return counts;
}
