/**
 * What n8n-core needs before any of its code runs, loaded first by every harness module that
 * imports n8n-core: `reflect-metadata` (its DI decorators), and its logger.
 *
 * n8n-core gets its logger from `Container.get(Logger)` (@n8n/backend-common) — node code's
 * `this.logger`, PollTriggerExecutor, ErrorReporter — and n8n-workflow code uses `LoggerProxy`.
 * Both are pointed at one logger that records every line (all levels, including debug) for the
 * artifact file: `withLogs` collects the lines of one harness call.
 */
import 'reflect-metadata';

import { Logger as BackendLogger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { Logger as LoggerType, LogMetadata } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { toPlain } from '../../helpers/artifacts';

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	metadata?: unknown;
	scopes?: string[];
}

let logSink: LogLine[] | undefined;
/** Lines logged outside any harness call; the next artifact record takes them. */
export const ORPHAN_LOGS: LogLine[] = [];

class ArtifactLogger implements LoggerType {
	constructor(private readonly scopes: string[] = []) {}
	private log(level: LogLine['level'], message: string, metadata?: LogMetadata) {
		const line: LogLine = { level, message, metadata: toPlain(metadata, new WeakSet(), 0) };
		if (this.scopes.length) line.scopes = this.scopes;
		(logSink ?? ORPHAN_LOGS).push(line);
		if (process.env.HARNESS_LOG === '1') process.stderr.write(`[n8n ${level}] ${message}\n`);
	}
	error(message: string, metadata?: LogMetadata) {
		this.log('error', message, metadata);
	}
	warn(message: string, metadata?: LogMetadata) {
		this.log('warn', message, metadata);
	}
	info(message: string, metadata?: LogMetadata) {
		this.log('info', message, metadata);
	}
	debug(message: string, metadata?: LogMetadata) {
		this.log('debug', message, metadata);
	}
	scoped(scopes: string | string[]) {
		return new ArtifactLogger([...this.scopes, ...(Array.isArray(scopes) ? scopes : [scopes])]);
	}
}

const harnessLogger = new ArtifactLogger();
Container.set(BackendLogger, harnessLogger as unknown as BackendLogger);
LoggerProxy.init(harnessLogger);

/** Runs `fn`, collecting the log lines n8n writes meanwhile. */
export async function withLogs<T>(fn: () => Promise<T>): Promise<{ value: T; logs: LogLine[]; durationMs: number }> {
	const previous = logSink;
	const logs: LogLine[] = [];
	logSink = logs;
	const started = performance.now();
	try {
		const value = await fn();
		return { value, logs, durationMs: performance.now() - started };
	} finally {
		logSink = previous;
	}
}

/** Log lines n8n produced outside any harness call and not yet written to the artifact. */
export function orphanLogs(): LogLine[] {
	return [...ORPHAN_LOGS];
}
