/** The last `lines` lines of a process's output, for an error message that says what went wrong. */
export function tail(text: string, lines: number): string {
	return text.split('\n').slice(-lines).join('\n');
}
