// Matching a request to a route. Matching works on the RAW path, segment by segment, and decodes each
// segment on its own: `/clients/a%2Fb` is one segment with the value `a/b`, while `/clients/a/b` is two
// segments and matches nothing. That is how a node that forgets to encode a path parameter gets caught.
import { safeDecode } from './http-io';
import type { Route } from './types';

type Segment = { literal: string } | { param: string };

export interface CompiledRoute<S> {
	route: Route<S>;
	segments: Segment[];
}

export type RouteMatch<S> =
	| { kind: 'found'; route: Route<S>; params: Record<string, string> }
	| { kind: 'method-not-allowed'; allowed: string[] }
	| { kind: 'none' };

function splitSegments(path: string): string[] {
	// The leading '/' yields an empty first element; a trailing '/' yields an empty last one and so
	// does not match a pattern without it (providers differ on trailing slashes; callers should not send one).
	return path.split('/').slice(1);
}

export function compileRoute<S>(route: Route<S>): CompiledRoute<S> {
	const segments = splitSegments(route.path).map((s): Segment => (s.startsWith(':') ? { param: s.slice(1) } : { literal: s }));
	return { route, segments };
}

function matchSegments(segments: Segment[], rawSegments: string[]): Record<string, string> | null {
	if (segments.length !== rawSegments.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const pattern = segments[i];
		const raw = rawSegments[i];
		if ('literal' in pattern) {
			if (safeDecode(raw) !== pattern.literal) return null;
			continue;
		}
		if (raw === '') return null;
		try {
			params[pattern.param] = decodeURIComponent(raw);
		} catch {
			return null; // malformed percent-encoding: no provider would route it
		}
	}
	return params;
}

export function matchRoute<S>(routes: CompiledRoute<S>[], method: string, rawPath: string): RouteMatch<S> {
	const rawSegments = splitSegments(rawPath);
	const allowed: string[] = [];
	for (const { route, segments } of routes) {
		const params = matchSegments(segments, rawSegments);
		if (!params) continue;
		if (route.method === method) return { kind: 'found', route, params };
		allowed.push(route.method);
	}
	return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'none' };
}
