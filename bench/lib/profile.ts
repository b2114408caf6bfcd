import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** Where a function lives: a package, a Cairn source folder, Node itself, or the engine. */
function origin(url: string): string {
  if (!url) return '(native/engine)';
  if (url.startsWith('node:')) return 'node core';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/(src|bench)\/(.*)$/.exec(url);
  if (ours) {
    const parts = ours[2]!.split('/');
    return `${ours[1]}/${parts.slice(0, Math.min(2, parts.length - 1)).join('/') || parts[0]}`;
  }
  return path.basename(url);
}

/**
 * A plain-text digest of a V8 CPU profile (node --cpu-prof): self time by origin (package or
 * source folder) and the functions with the most self time. Enough to see where a request's
 * time goes without opening DevTools.
 */
export function summarizeProfile(file: string, top = 15): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const total = profile.samples.length || 1;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfCount = new Map<number, number>();
  for (const id of profile.samples) selfCount.set(id, (selfCount.get(id) ?? 0) + 1);
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, count] of selfCount) {
    const frame = byId.get(id)!.callFrame;
    const where = origin(frame.url);
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + count);
    const name = `${frame.functionName || '(anonymous)'}  ${frame.url ? `${where}:${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + count);
  }
  const pct = (n: number) => `${((n / total) * 100).toFixed(1).padStart(5)}%`;
  const lines = [`profile ${path.basename(file)}: ${total} samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`, '  self time by origin:'];
  for (const [where, count] of [...byOrigin].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(count)}  ${where}`);
  lines.push('  functions with the most self time:');
  for (const [name, count] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(count)}  ${name}`);
  return lines;
}

/** The main thread's profile: the largest one (tsx's module loader thread writes a small one too). */
export function mainProfile(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  return files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0] ?? null;
}
