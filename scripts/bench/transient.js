// A call to n8n's REST API from a bench worker, asked again while the failure is transient: under load
// n8n's SQLite health check sometimes answers 503 "Database is not ready!", and a kept-alive connection
// may be reset while n8n's event loop is busy. At most 20 attempts, 500 ms apart.
'use strict';

async function retryTransient(call) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			const transient = error.status === 503 || /fetch failed|ECONNRESET|socket hang up/i.test(`${error.message} ${error.cause?.code ?? ''}`);
			if (!transient || attempt >= 20) throw error;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

module.exports = { retryTransient };
