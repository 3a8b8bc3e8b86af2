// @ts-check
/**
 * The demo's story in the emulator, for `npm start` and `npm run demo` alike, so the editor shows
 * what the demo prints: customers with open invoices (one overdue, for example 11), and 300 card
 * transactions over the last 90 days (examples 13–15). Everything is made through BILL's own API
 * on the emulator (POST /v3/customers, /v3/invoices), so the objects have BILL's shape.
 */

/** Customers of USERS.md's AR story, each with one open invoice; `daysDue` < 0 is overdue. */
const CUSTOMERS = [
	{ name: 'Paperless Band', email: 'ap@paperless.example', daysDue: -12, amount: 480 },
	{ name: 'Riverside Music School', email: 'office@riverside.example', daysDue: 14, amount: 1250 },
	{ name: 'Blue Note Cafe', email: 'owner@bluenote.example', daysDue: 30, amount: 310.5 },
];

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * @param {{ baseUrl: string, fixtures: { devKey: string, organizationId: string, admin: { username: string, password: string } } }} emulator
 * @returns {Promise<(method: string, path: string, body?: unknown) => Promise<any>>}
 */
async function apiClient(emulator) {
	const { devKey, organizationId, admin } = emulator.fixtures;
	const send = async (method, path, body, headers = {}) => {
		const response = await fetch(`${emulator.baseUrl}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', devKey, ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`demo data: ${method} ${path} answered ${response.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	};
	const login = await send('POST', '/v3/login', {
		username: admin.username,
		password: admin.password,
		organizationId,
		devKey,
	});
	return (method, path, body) => send(method, path, body, { sessionId: login.sessionId });
}

/**
 * Seeds the story; returns what it made, for the start-up message.
 * @param {{ baseUrl: string, fixtures: any, control: (method: string, path: string, body?: unknown) => Promise<any> }} emulator
 */
export async function seedDemoStory(emulator) {
	const spend = await emulator.control('POST', '/spend/seed', { transactions: 300 });
	const api = await apiClient(emulator);
	for (const [i, c] of CUSTOMERS.entries()) {
		const customer = await api('POST', '/v3/customers', { name: c.name, email: c.email });
		await api('POST', '/v3/invoices', {
			customer: { id: customer.id },
			invoiceNumber: `DEMO-${1001 + i}`,
			invoiceDate: day(c.daysDue - 30),
			dueDate: day(c.daysDue),
			invoiceLineItems: [{ description: 'Lessons and supplies', quantity: 1, price: c.amount }],
		});
	}
	return {
		customers: CUSTOMERS.length,
		invoices: CUSTOMERS.length,
		transactions: spend.transactions,
	};
}
