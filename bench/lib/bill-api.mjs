// @ts-check
/**
 * The benchmark's own BILL client: seeds the emulator through BILL's API (vendors, bills in bulk)
 * and reads back what the jobs did. Its requests happen outside the measured windows, so they are
 * never counted against a job.
 */

const BULK_MAX = 100;

export class BillApi {
	constructor(emulator) {
		this.baseUrl = emulator.baseUrl;
		this.fixtures = emulator.fixtures;
		this.sessionId = undefined;
	}

	async login() {
		const f = this.fixtures;
		const answer = await this.call('POST', '/v3/login', {
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		});
		this.sessionId = answer.sessionId;
	}

	async call(method, path, body) {
		const headers = { Accept: 'application/json', devKey: this.fixtures.devKey };
		if (this.sessionId) headers.sessionId = this.sessionId;
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(
				`bench seeding: BILL answered ${method} ${path} with ${response.status} ${text.slice(0, 300)}`,
			);
		return text ? JSON.parse(text) : undefined;
	}

	async createVendors(prefix, count) {
		const ids = [];
		for (let i = 0; i < count; i++) {
			const vendor = await this.call('POST', '/v3/vendors', {
				name: `${prefix} vendor ${i + 1}`,
				accountType: 'BUSINESS',
				email: `ap${i + 1}@bench.example`,
			});
			ids.push(vendor.id);
		}
		return ids;
	}

	/** Customers for the invoice job (POST /v3/customers, BILL's "Create a customer"). */
	async createCustomers(prefix, count) {
		const ids = [];
		for (let i = 0; i < count; i++) {
			const customer = await this.call('POST', '/v3/customers', {
				name: `${prefix} customer ${i + 1}`,
				email: `ar${i + 1}@bench.example`,
			});
			ids.push(customer.id);
		}
		return ids;
	}

	/** Creates `bodies` with POST /v3/bills/bulk, 100 a request, up to 3 at a time (BILL's limit). */
	async createBills(bodies) {
		const chunks = [];
		for (let i = 0; i < bodies.length; i += BULK_MAX) chunks.push(bodies.slice(i, i + BULK_MAX));
		const created = new Array(chunks.length);
		let next = 0;
		const worker = async () => {
			while (next < chunks.length) {
				const n = next++;
				created[n] = await this.call('POST', '/v3/bills/bulk', chunks[n]);
			}
		};
		await Promise.all([worker(), worker(), worker()]);
		return created.flat();
	}
}

/** A bill as BILL's create takes it; `n` makes invoice numbers, amounts and dates differ. */
export function billBody(vendorId, prefix, n) {
	const day = (offset) =>
		new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
	return {
		vendorId,
		invoice: { invoiceNumber: `${prefix}-${n + 1}`, invoiceDate: day(n % 60) },
		dueDate: day(30 + (n % 60)),
		billLineItems: [
			{
				amount: Math.round((25 + (n % 400) * 1.37) * 100) / 100,
				description: `Bench line ${n + 1}`,
			},
		],
	};
}

/** An invoice row (the webhook's input for job 5): customer, number, dates, one priced line. */
export function invoiceRow(customerId, prefix, n) {
	const day = (offset) =>
		new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
	return {
		customerId,
		invoiceNumber: `${prefix}-${n + 1}`,
		invoiceDate: day(n % 60),
		dueDate: day(30 + (n % 60)),
		description: `Bench lesson ${n + 1}`,
		quantity: 1 + (n % 3),
		price: Math.round((25 + (n % 400) * 1.37) * 100) / 100,
	};
}

/** A vendor row (the webhook's input for job 6): a name unique to the variant, email, phone. */
export function vendorRow(prefix, n) {
	return {
		name: `${prefix} vendor ${n + 1}`,
		email: `ap${n + 1}@bench-vendors.example`,
		phone: `555${String(n).padStart(7, '0')}`,
	};
}
