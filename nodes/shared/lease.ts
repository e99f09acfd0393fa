import type { IPollFunctions } from 'n8n-workflow';

/**
 * n8n fires a polling trigger on every cron tick without waiting for the previous poll (its
 * scheduler calls `void executeTrigger()`), and every tick of one active workflow works on the same
 * static data object. A poll slower than the interval — a 429 wait, retries on a slow server, a
 * long backlog paced to the rate limit — would overlap the next one, and both would read from the
 * same cursor and deliver the same records. So one trigger node runs one poll at a time: a tick
 * that finds its node's poll still running returns nothing; the running poll delivers, and the next
 * tick after it carries on from the cursor it left.
 *
 * The lease is held in this process's memory, keyed by workflow and node. That is enough: n8n
 * registers polling triggers only in a main process (queue-mode workers never poll; in a multi-main
 * setup only the leader does: ActiveWorkflowManager.shouldAddTriggersAndPollers), so two polls of
 * one node only ever meet in one process. A lease in the static data would not do: n8n 2.x may hand
 * each poll its own copy of the node's static data, it is saved only when a poll emits, and one left
 * behind by a crash would block the trigger after a restart.
 */
const running = new Map<string, Promise<unknown>>();

function leaseKey(ctx: IPollFunctions): string {
	const node = ctx.getNode();
	return JSON.stringify([ctx.getWorkflow().id ?? '', node.id ?? '', node.name]);
}

/**
 * Runs `poll` unless a poll of the same workflow node is still running in this process, in which
 * case it returns null at once (n8n then starts no execution). Manual runs ("Fetch test event")
 * touch no state and are never held back.
 */
export async function exclusivePoll<T>(ctx: IPollFunctions, poll: () => Promise<T | null>): Promise<T | null> {
	if (ctx.getMode() === 'manual') return await poll();
	const key = leaseKey(ctx);
	if (running.has(key)) {
		ctx.logger.info(`The previous poll of "${ctx.getNode().name}" is still running; this poll was skipped`);
		return null;
	}
	const current = poll();
	running.set(key, current);
	try {
		return await current;
	} finally {
		if (running.get(key) === current) running.delete(key);
	}
}
