/**
 * A small HTTP server on 127.0.0.1 (a port the OS picks) for tests that need a server doing what a
 * hostile or broken API does: it records every request it received and every connection it accepted
 * (a request that never gets an answer still counts), and the handler decides the answer.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface TestServer {
	url: string;
	seen: Seen[];
	/** Connections accepted (a request that never gets an answer is still counted here). */
	connections: number;
	close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string, server: TestServer) => void;

export async function startTestServer(handler: Handler, port = 0): Promise<TestServer> {
	const state: TestServer = { url: '', seen: [], connections: 0, close: async () => undefined };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			state.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
			handler(req, res, body, state);
		});
	});
	server.on('connection', () => state.connections++);
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	state.close = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return state;
}

/** A JSON answer. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
	res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}
