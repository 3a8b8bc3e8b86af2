// @ts-check
/**
 * End-to-end tests of operations otherwise proven only on the n8n-core harness, in the real n8n
 * of run.mjs: Card Account (Get Many, Get, Get Many Users, Get Many AP Cards, Get Funding
 * Permissions), Payment (Get Exchange Rate, Create with its batch ID by expression, Get Check
 * Image) and vendor attachments (Upload from binary data made in the workflow, Get Many,
 * Download, Delete). One workflow, one `n8n execute`; each test checks n8n's run data and what
 * the emulator holds, read through BILL's API with its own login.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cents, check, equal } from '../../scripts/lib/testkit.mjs';
import { CREDENTIAL, executeWorkflow, nodeOutput, runFailure } from '../../scripts/lib/stack.mjs';
import { adminSessionId, billInBill, importAll } from '../../scripts/lib/e2e.mjs';

const ID = 'billcomE2EOperations';
const NOTE = 'Signed W-9 on file, received by the e2e test.';
const byId = (value) => ({ __rl: true, mode: 'id', value });

/** The next US business day after today (UTC; weekends skipped): a foreign payment's process date. */
function nextBusinessDay() {
	const d = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
	do d.setUTCDate(d.getUTCDate() + 1);
	while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
	return d.toISOString().slice(0, 10);
}

/** A GET of BILL's API as someone working in BILL: `{ status, json }`. */
async function billReader(emulator) {
	const sessionId = await adminSessionId(emulator);
	return async (path) => {
		const response = await fetch(`${emulator.baseUrl}${path}`, {
			headers: { devKey: emulator.fixtures.devKey, sessionId },
		});
		return { status: response.status, json: await response.json() };
	};
}

/**
 * A verified bank account of the organization: example 05's in the full run, else one added as
 * someone working in BILL would (an MFA-trusted login, then BILL's micro-deposit verification).
 */
async function verifiedBankAccount(emulator, state) {
	const found = (await state('bankAccounts')).find((a) => a.status === 'VERIFIED' && !a.archived);
	if (found) return found.id;
	const f = emulator.fixtures;
	const call = async (path, body, headers = {}) => {
		const response = await fetch(`${emulator.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body),
		});
		const json = await response.json();
		check(response.ok, `BILL ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
	const { sessionId } = await call('/v3/login', {
		username: f.admin.username,
		password: f.admin.password,
		organizationId: f.organizationId,
		devKey: f.devKey,
		rememberMeId: f.mfaId,
		device: f.device,
	});
	const headers = { devKey: f.devKey, sessionId };
	const { id } = await call(
		'/v3/funding-accounts/banks',
		{
			nameOnAccount: 'Emulator Music Co',
			routingNumber: '074000010',
			accountNumber: '555012345',
			type: 'CHECKING',
			ownerType: 'BUSINESS',
			bankName: 'Operating (e2e)',
		},
		headers,
	);
	await call(`/v3/funding-accounts/banks/${id}/verify`, { depositAmount: 0.5 }, headers);
	return id;
}

/** One BILL node (the emulator credential) at `[x, y]`. */
const bill = (name, x, y, parameters, extra = {}) => ({
	parameters: { authentication: 'billApi', ...parameters },
	id: name.toLowerCase().replace(/\W+/g, '-'),
	name,
	type: 'n8n-nodes-billcom.bill',
	typeVersion: 1,
	position: [x, y],
	credentials: { billApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
	...extra,
});

const link = (...names) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);

/** The workflow: three branches from the manual trigger (card accounts, a foreign payment, attachments). */
function workflow({ vendorId, billId, amount, fundingAccountId, processDate, fileVendorId }) {
	const nodes = [
		{
			parameters: {},
			id: 'run',
			name: 'Run',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 400],
		},
		bill('Card accounts', 240, 0, {
			resource: 'cardAccount',
			operation: 'getMany',
			returnAll: true,
		}),
		bill(
			'Card account',
			480,
			0,
			{
				resource: 'cardAccount',
				operation: 'get',
				cardAccountId: byId("={{ $('Card accounts').first().json.id }}"),
			},
			{ executeOnce: true },
		),
		bill('Card users', 240, 150, {
			resource: 'cardAccount',
			operation: 'getManyUsers',
			returnAll: true,
		}),
		bill('AP cards', 240, 300, {
			resource: 'cardAccount',
			operation: 'getManyApCards',
			returnAll: true,
		}),
		bill('Funding permissions', 240, 450, {
			resource: 'cardAccount',
			operation: 'getPermissions',
		}),
		bill('Exchange rate', 240, 600, {
			resource: 'payment',
			operation: 'getExchangeRate',
			vendorId: byId(vendorId),
			amount,
		}),
		bill('Pay in CAD', 480, 600, {
			resource: 'payment',
			operation: 'create',
			billId: byId(billId),
			amount,
			processDate,
			fundingType: 'BANK_ACCOUNT',
			fundingAccountId: byId(fundingAccountId),
			additionalFields: { exchangeRateBatchId: '={{ $json.exchangeRateBatchId }}' },
		}),
		bill('Check image', 720, 600, {
			resource: 'payment',
			operation: 'getCheckImage',
			paymentId: byId('={{ $json.id }}'),
			binaryPropertyName: 'check',
		}),
		{
			parameters: { jsCode: `return [{ json: { text: ${JSON.stringify(NOTE)} } }];` },
			id: 'note',
			name: 'Note',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [240, 800],
		},
		{
			parameters: {
				operation: 'toText',
				sourceProperty: 'text',
				binaryPropertyName: 'data',
				options: { fileName: 'w9-note.txt' },
			},
			id: 'to-file',
			name: 'Note as file',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [480, 800],
		},
		bill('Upload', 720, 800, {
			resource: 'attachment',
			operation: 'upload',
			parentType: 'vendor',
			vendorId: byId(fileVendorId),
			binaryPropertyName: 'data',
		}),
		// Above Download: with execution order v1, n8n runs it first.
		bill('Attachments', 960, 700, {
			resource: 'attachment',
			operation: 'getMany',
			parentType: 'vendor',
			vendorId: byId(fileVendorId),
			returnAll: true,
		}),
		bill('Download', 960, 900, {
			resource: 'attachment',
			operation: 'download',
			attachmentId: byId('={{ $json.id }}'),
			binaryPropertyName: 'file',
		}),
		bill('Delete', 1200, 900, {
			resource: 'attachment',
			operation: 'delete',
			attachmentId: byId("={{ $('Upload').first().json.id }}"),
		}),
	];
	const fromRun = ['Card accounts', 'Card users', 'AP cards', 'Funding permissions'];
	return {
		id: ID,
		name: 'e2e: card accounts, a payment in CAD, vendor attachments',
		active: false,
		nodes,
		connections: {
			Run: {
				main: [
					[...fromRun, 'Exchange rate', 'Note'].map((node) => ({ node, type: 'main', index: 0 })),
				],
			},
			...link('Card accounts', 'Card account'),
			...link('Exchange rate', 'Pay in CAD', 'Check image'),
			...link('Note', 'Note as file', 'Upload'),
			Upload: {
				main: [
					[
						{ node: 'Attachments', type: 'main', index: 0 },
						{ node: 'Download', type: 'main', index: 0 },
					],
				],
			},
			...link('Download', 'Delete'),
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The last run of `node` in n8n's run data: its items, json and binary. */
const items = (run, node) =>
	run?.data?.resultData?.runData?.[node]?.at(-1)?.data?.main?.[0] ?? undefined;

/** `ctx`: run.mjs's test, state, env, emulator, workdir. */
export async function operationsTests({ test, state, env, emulator, workdir }) {
	const read = await billReader(emulator);
	const vendors = await state('vendors');
	const maple = vendors.find((v) => v.name === 'Maple Leaf Printing');
	const harbor = vendors.find((v) => v.name === 'Harbor Freight Logistics');
	const amount = 180.25;
	let run;
	let given;
	await test('operations: one workflow (card accounts, a payment in CAD, vendor attachments) imported and run once by n8n execute', async () => {
		check(maple?.billCurrency === 'CAD', 'the seed data should have Maple Leaf Printing in CAD');
		check(harbor, 'the seed data should have Harbor Freight Logistics');
		const cadBill = await billInBill(emulator, amount, { vendorId: maple.id });
		given = {
			vendorId: maple.id,
			billId: cadBill.id,
			amount,
			fundingAccountId: await verifiedBankAccount(emulator, state),
			processDate: nextBusinessDay(),
			fileVendorId: harbor.id,
		};
		await importAll(env, workdir, 'operations', { workflows: [workflow(given)] });
		const result = await executeWorkflow(env, ID);
		check(result.ok, `workflow ${ID} did not succeed: ${runFailure(result)}`);
		run = result.run;
		return `${Object.keys(run.data.resultData.runData).length} nodes ran`;
	});
	const ran = () => check(run, 'the workflow did not run (see the test above)');

	await test('operations: Card Account → Get Many, Get, Get Many Users, Get Many AP Cards, Get Funding Permissions give what BILL holds', async () => {
		ran();
		const cards = nodeOutput(run, 'Card accounts');
		const inBill = (await read('/v3/funding-accounts/cards?cardUserStatus=VERIFIED')).json;
		equal(
			cards.map((c) => [c.id, c.last4, c.defaultForCardPayments]),
			inBill.cards.map((c) => [c.id, c.last4, c.id === inBill.rates.defaultCardAccountId]),
			'card accounts (id, last four, default) the signed-in user may pay with',
		);
		check(cards.length > 0, 'no card account listed');
		const [card] = nodeOutput(run, 'Card account');
		equal(card, (await read(`/v3/funding-accounts/cards/${cards[0].id}`)).json, 'Get of the first');
		const users = nodeOutput(run, 'Card users');
		const usersInBill = (await read('/v3/funding-accounts/cards/users?max=100')).json.results;
		equal(
			users.map((u) => [u.cardAccountId, u.userId, u.verificationStatus]),
			usersInBill.map((u) => [u.cardAccountId, u.userId, u.verificationStatus]),
			'card users',
		);
		const apCards = nodeOutput(run, 'AP cards');
		equal(
			apCards.map((c) => [c.id, c.status, c.balance, c.limit]),
			(await read('/v3/funding-accounts/ap-cards')).json.map((c) => [
				c.id,
				c.status,
				c.balance,
				c.limit,
			]),
			'AP cards',
		);
		const [permissions] = nodeOutput(run, 'Funding permissions');
		equal(permissions, (await read('/v3/funding-accounts/permissions')).json, 'permissions');
		return `${cards.length} card account(s), ${users.length} card users, ${apCards.length} AP cards; payByCard ${permissions.organization?.card?.payByCard}, payOnline ${permissions.user?.payOnline}`;
	});

	await test('operations: Payment → Get Exchange Rate of a CAD vendor, Create with its batch ID by expression (one payment in BILL), Get Check Image of that check', async () => {
		ran();
		const [rate] = nodeOutput(run, 'Exchange rate');
		equal(
			[rate.vendorId, rate.billCurrency, rate.paymentCurrency, rate.baseCurrency],
			[maple.id, 'CAD', 'CAD', 'USD'],
			'vendor and currencies of the exchange rate',
		);
		check(
			Number.isInteger(rate.exchangeRateBatchId),
			`exchangeRateBatchId: ${rate.exchangeRateBatchId}`,
		);
		const [made] = nodeOutput(run, 'Pay in CAD');
		const mine = (await state('payments')).filter((p) => p.billId === given.billId);
		equal(mine.length, 1, `payments of bill ${given.billId} in the emulator`);
		const [payment] = mine;
		equal(
			[made.id, payment.exchangeRateBatchId, cents(payment.amount), payment.processDate],
			[payment.id, rate.exchangeRateBatchId, cents(amount), given.processDate],
			'the payment: id, batch ID, amount, process date',
		);
		equal(
			[made.exchangeRate, payment.exchangeRate, payment.disbursementType],
			[rate.exchangeRate, rate.exchangeRate, 'CHECK'],
			'its exchange rate and disbursement',
		);
		const images = items(run, 'Check image');
		// The emulator's default reading: before the bank processed the check, BILL lists no image.
		const processed = ['CLEARED', 'VOID_PENDING'].includes(payment.singleStatus);
		if (!processed) {
			equal(images.length, 1, 'items of Check image before the check is processed');
			equal(
				[images[0].json.paymentId, images[0].json.checkImages, images[0].binary],
				[payment.id, 0, undefined],
				'paymentId, checkImages, binary',
			);
		} else {
			equal(images.length, 2, 'check images (front and back)');
			for (const image of images)
				check(
					image.binary?.check?.mimeType && Number.parseInt(image.binary.check.fileSize) > 0,
					`a check image without a file: ${JSON.stringify(image.binary)}`,
				);
		}
		return `batch ${rate.exchangeRateBatchId} at ${rate.exchangeRate}: payment ${payment.id} (${payment.disbursementType}, ${payment.singleStatus}); check images: ${processed ? images.length : 0}`;
	});

	await test('operations: vendor attachment uploaded from binary data made in the workflow, listed, downloaded as the same file, deleted (gone from BILL)', async () => {
		ran();
		const [uploaded] = nodeOutput(run, 'Upload');
		check(/^att/.test(uploaded.id ?? ''), `upload output: ${JSON.stringify(uploaded)}`);
		equal(uploaded.name, 'w9-note.txt', 'name BILL shows (the binary file’s own)');
		const listed = nodeOutput(run, 'Attachments');
		equal(
			listed.filter((a) => a.id === uploaded.id).map((a) => a.name),
			['w9-note.txt'],
			'the upload among the vendor’s attachments',
		);
		const [downloaded] = items(run, 'Download');
		const file = downloaded.binary?.file;
		check(file, `Download has no binary "file": ${JSON.stringify(downloaded).slice(0, 400)}`);
		check(file.mimeType, `no mimeType: ${JSON.stringify(file)}`);
		// n8n 2.x keeps binary data on disk (filesystem-v2, in .n8n/storage): the run data names the file.
		const stored = String(file.id ?? '').replace(/^filesystem-v2:/, '');
		const content = file.id
			? readFileSync(join(env.N8N_USER_FOLDER, '.n8n', 'storage', stored))
			: Buffer.from(file.data, 'base64');
		equal(
			[content.toString('utf8'), file.fileName],
			[NOTE, 'w9-note.txt'],
			'the downloaded file: content and name',
		);
		const [deleted] = nodeOutput(run, 'Delete');
		check(deleted, 'Delete gave no item');
		const gone = await read(`/v3/attachments/${uploaded.id}`);
		equal(gone.status, 404, `GET /v3/attachments/${uploaded.id} after Delete`);
		const left = (await read(`/v3/attachments/vendors/${harbor.id}?max=100`)).json.results;
		equal(
			left.filter((a) => a.id === uploaded.id),
			[],
			'the attachment among the vendor’s after Delete',
		);
		return `${uploaded.id} (${file.mimeType}, ${content.length} B) uploaded, listed among ${listed.length}, downloaded, deleted; ${left.length} left`;
	});
}
