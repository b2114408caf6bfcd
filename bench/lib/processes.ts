import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** CPU time (user + system) the process has used so far, in seconds; null where /proc is missing. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime from /proc/<pid>/stat (Linux). */
function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Starts a server in its own process (the load generator must not share its event loop) and waits
 * for `readyPattern` on its standard output, whose first group is the address it listens on.
 */
function startProcess(name: string, args: string[], env: Record<string, string>, readyPattern: RegExp, timeoutMs = 60_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = readyPattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      // Keep draining the pipes so a chatty server never blocks on a full pipe.
      child.stdout!.on('data', (more: Buffer) => forward(name, more, true));
      child.stderr!.off('data', onData);
      child.stderr!.on('data', (more: Buffer) => forward(name, more));
      resolve({
        name,
        url: match[1]!,
        pid: child.pid!,
        cpuSeconds: () => cpuSecondsOf(child.pid!),
        stop: () => stopProcess(child),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal}):\n${output}`));
    });
  });
}

/**
 * Warnings and errors of the servers under test are shown, prefixed, so failures are visible: all of
 * standard error, and the log lines (pino writes JSON) of standard output.
 */
function forward(name: string, chunk: Buffer, logLinesOnly = false): void {
  for (const line of chunk.toString().split('\n')) {
    if (line.trim() && (!logLinesOnly || line.startsWith('{'))) process.stderr.write(`  [${name}] ${line}\n`);
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.removeAllListeners('exit');
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** `cairn start`, exactly as an operator runs it, on the benchmark's database. */
export function startCairn(databaseEnv: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  return startProcess('cairn', [...nodeArgs, 'bin/cairn.js', 'start'], {
    PORT: '0',
    HOST: '127.0.0.1',
    CAIRN_DEMO: 'off',
    CAIRN_SERVE_WEB: 'off',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    DATABASE_URL: '',
    CAIRN_POSTGRES_SCHEMA: '',
    ...databaseEnv,
  }, /Cairn is running at (http:\/\/\S+)/);
}

/** The yardstick: a plain Fastify route in a process started the same way (node with tsx). */
export function startBare(): Promise<ServerProcess> {
  return startProcess('bare', ['--import', 'tsx', 'bench/bare-server.ts'], { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' }, /bare listening at (http:\/\/\S+)/);
}
