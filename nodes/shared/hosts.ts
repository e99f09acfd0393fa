/**
 * Which hosts are "this machine" or an internal network, by the URL alone (node code may not resolve
 * names). WHATWG URL parsing has already normalised the other spellings of an address
 * (`2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]`).
 */

/** localhost, 127.0.0.0/8, ::1 and the unspecified address (which reaches this machine on Linux). */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	if (/^127\.\d+\.\d+\.\d+$/.test(host) || host === '0.0.0.0') return true;
	return host === '[::1]' || host === '[::]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/** Loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7) and link-local (169.254/16, fe80::/10, cloud metadata). */
export function isInternalHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	if (isLoopbackHost(host)) return true;
	const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		return a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
	}
	if (host.startsWith('[')) return /^\[(f[cd][0-9a-f]{0,2}|fe[89ab][0-9a-f]?):/.test(host) || /^\[::ffff:/.test(host);
	return false;
}

/** Whether a base URL points at this machine (a local test server, such as the simulators). */
export function isLoopbackUrl(url: string): boolean {
	try {
		return isLoopbackHost(new URL(url).hostname);
	} catch {
		return false;
	}
}
