import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'lib', 'engine', 'content'];
const SOURCE_FILES = ['next.config.js', 'proxy.ts', 'instrumentation-client.ts', 'package-lock.json', 'tsconfig.json', 'prisma/schema.prisma'];

export interface EnsureBuildOptions {
  /**
   * Where the build's own output goes, line by line (the server's logger when stdout is not a
   * terminal, so JSON logs stay JSON); without it the build prints straight to this terminal.
   */
  output?: (line: string, isError: boolean) => void;
}

/** Runs `next build` when there is no production build, or when a source file is newer than it. */
export function ensureBuild(root: string, log: (message: string) => void, { output }: EnsureBuildOptions = {}): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (builtAt > 0 && newestSourceMtime(root) <= builtAt) return;
  log(builtAt === 0 ? 'no production build yet: running next build (about two minutes)…' : 'sources changed since the last build: rebuilding…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: output ? 'pipe' : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (output) {
    const failed = result.status !== 0;
    for (const line of `${result.stdout ?? ''}`.split('\n')) if (line.trim()) output(line, failed);
    for (const line of `${result.stderr ?? ''}`.split('\n')) if (line.trim()) output(line, true);
  }
  if (result.status !== 0) throw new Error(`next build failed (see the output ${output ? 'in the log' : 'above'})`);
}

function newestSourceMtime(root: string): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!fs.existsSync(target)) return;
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target)) if (!entry.startsWith('.') && entry !== 'node_modules') visit(path.join(target, entry));
    } else if (!target.endsWith('.test.ts')) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) visit(path.join(root, dir));
  for (const file of SOURCE_FILES) visit(path.join(root, file));
  return newest;
}
