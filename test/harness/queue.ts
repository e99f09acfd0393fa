/**
 * Queue mode ("scaling mode"), n8n's distributed engine, on one machine: a Redis of our own, one
 * main process (`n8n start`) that enqueues executions, one worker (`n8n worker`) that runs them.
 *
 *   const redis = await startRedis(env.artifactsDir);
 *   const main = await startN8nServer(env, { extraEnv: queueModeEnv(redis) });
 *   const worker = await startN8nWorker(env, { extraEnv: queueModeEnv(redis) });
 *   await main.runWorkflow(id);   // enqueued by main, run by the worker
 *   await whereItRan(main, worker, executionId);  // 'worker'
 *   await worker.stop(); await main.stop(); await redis.stop();
 *
 * What this rests on (read in n8n 1.123.81 and 2.41.1, and measured):
 * - Both processes share the env's user folder, so the same SQLite file (WAL mode, as the harness
 *   opens it with DB_SQLITE_POOL_SIZE) and the same installed community package. n8n only warns
 *   ("Scaling mode is not officially supported with sqlite", BaseCommand.init); two processes on one
 *   machine share a WAL database safely, which is all this needs (Postgres is for many machines).
 * - WorkflowRunner.run enqueues when EXECUTIONS_MODE=queue, except manual executions, which stay on
 *   main unless OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true (2.x warns that this becomes the default).
 *   Executions that a polling trigger emits are `trigger` executions and are always enqueued.
 * - Polling itself (poll() on activation and on schedule) runs on main, in the active workflow
 *   manager (2.41's durable scheduler, which would move it, is off unless N8N_SCHEDULER_ENABLED);
 *   what the poll emits is handed to the worker as the first node's data and the worker runs the
 *   rest of the workflow without polling again.
 * - The evidence, in both versions at info level: main logs `Enqueued execution <id> (job <job>)`
 *   (ScalingService.addJob) and the worker logs `Worker started execution <id> (job <job>)`
 *   (JobProcessor.processJob). The worker prints `n8n worker is now ready` when it takes jobs.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { tail } from '../helpers/text';
import { freePort, stopChild, teeToLog, track, waitFor, type N8nEnv, type N8nServer } from './n8n';

export interface RedisServer {
	port: number;
	output(): string;
	stop(): Promise<void>;
}

/**
 * A throwaway redis-server (Debian's `redis-server` package) on a free loopback port: no snapshots,
 * no append-only file, its working folder a temp folder removed on stop. Its log goes to
 * `<logDir>/redis.log`.
 */
export async function startRedis(logDir: string): Promise<RedisServer> {
	const bin = findOnPath('redis-server');
	if (!bin) throw new Error('redis-server is not installed (Debian: apt-get install -y redis-server; .ci/run installs it)');
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-redis-'));
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'notice'];
	const daemon = spawnLogged(bin, args, { cwd: dir, env: process.env, logFile: path.join(logDir, 'redis.log') });
	const stop = async () => {
		await daemon.stop(5_000);
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await daemon.ready('Ready to accept connections', 30_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, output: daemon.output, stop };
}

/** What main and worker both need to run as one queue-mode instance. */
export function queueModeEnv(redis: RedisServer): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Runs from the editor (and POST /rest/workflows/:id/run) go to the worker too.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// Fail fast instead of retrying a lost Redis for minutes.
		QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD: '10000',
	};
}

export interface N8nWorker {
	/** Everything the worker printed so far. */
	output(): string;
	startupMs: number;
	stop(): Promise<void>;
}

/** `n8n worker` for an env (same user folder, database and package as its main); waits until it takes jobs. */
export async function startN8nWorker(
	env: N8nEnv,
	options: { extraEnv?: Record<string, string>; concurrency?: number; timeoutMs?: number } = {},
): Promise<N8nWorker> {
	const started = Date.now();
	const daemon = spawnLogged(env.install.nodeBin, [env.install.n8nBin, 'worker', `--concurrency=${options.concurrency ?? 5}`], {
		cwd: env.userFolder,
		env: {
			...env.env,
			...options.extraEnv,
			// Its own ports: the task runner broker (2.x runs task runners by default) and the
			// health/metrics server (off unless enabled, but it would default to main's 5678).
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			N8N_PORT: String(await freePort()),
		},
		logFile: path.join(env.artifactsDir, 'worker.log'),
	});
	try {
		await daemon.ready('n8n worker is now ready', options.timeoutMs ?? 180_000);
	} catch (error) {
		await daemon.stop(15_000);
		throw error;
	}
	return { output: daemon.output, startupMs: Date.now() - started, stop: () => daemon.stop(15_000) };
}

/** The Bull job main put an execution in (`Enqueued execution <id> (job <job>)`), if it enqueued it. */
export function enqueuedJob(mainOutput: string, executionId: string): string | undefined {
	return new RegExp(`Enqueued execution ${executionId} \\(job (\\S+?)\\)`).exec(mainOutput)?.[1];
}

/**
 * Where an execution ran: `worker` when main enqueued it and the worker logged starting that very
 * job; `main` when main has no record of enqueueing it; `unclear` otherwise (enqueued, but the worker
 * never said so). Waits a little for the worker's log line, which may trail the database write.
 */
export async function whereItRan(main: N8nServer, worker: N8nWorker, executionId: string): Promise<'worker' | 'main' | 'unclear'> {
	const job = enqueuedJob(main.output(), executionId);
	if (!job) return 'main';
	const line = `Worker started execution ${executionId} (job ${job})`;
	try {
		await waitFor(async () => worker.output().includes(line), 10_000, 100, () => `no "${line}" in the worker's log`);
		return 'worker';
	} catch {
		return 'unclear';
	}
}

// ---------------------------------------------------------------------------------------------

interface Daemon {
	output(): string;
	/** Resolves once `marker` appears in the output; rejects if the process ends first or after `timeoutMs`. */
	ready(marker: string, timeoutMs: number): Promise<void>;
	stop(graceMs: number): Promise<void>;
}

/** A long-running detached process (own process group, registered with the harness's reaper), logged to a file. */
function spawnLogged(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Daemon {
	const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	track(child);
	const { output } = teeToLog(child, options.logFile);
	const exited = () => child.exitCode !== null || child.signalCode !== null;
	return {
		output,
		ready: (marker, timeoutMs) =>
			waitFor(
				async () => {
					if (exited()) throw new Error(`${path.basename(cmd)} ${args[0]} exited (${child.exitCode ?? child.signalCode}) before "${marker}":\n${tail(output(), 40)}`);
					return output().includes(marker);
				},
				timeoutMs,
				100,
				() => `no "${marker}" from ${path.basename(cmd)} ${args.slice(0, 2).join(' ')} after ${timeoutMs} ms:\n${tail(output(), 40)}`,
			),
		stop: (graceMs) => stopChild(child, graceMs),
	};
}

function findOnPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
		const file = path.join(dir, name);
		if (dir && fs.existsSync(file)) return file;
	}
	return undefined;
}

