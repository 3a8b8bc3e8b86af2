// @ts-check
/**
 * The BILL credential's dialog: the fields in the README's order, n8n's test succeeding against
 * the emulator, and a wrong password showing BILL's code and message (never the password).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from '../../scripts/n8n-runtime.mjs';
import { CREDENTIAL } from '../../scripts/lib/stack.mjs';
import { check } from '../../scripts/lib/testkit.mjs';

/** @typedef {import('./session.mjs').Session} Session */

export const STEPS = {
	credential:
		'credential dialog: the fields in the README\'s order, "Test" succeeds against the emulator, a wrong password shows BILL\'s code and message',
};

/** The README's credential table: field names in order ("Username, Password" gives two). */
function readmeCredentialFields() {
	const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
	const table = readme.slice(readme.indexOf('| Field | What to put there |'));
	const rows = table.split('\n').slice(2);
	/** @type {string[]} */
	const fields = [];
	for (const row of rows) {
		if (!row.startsWith('|')) break;
		const cell = row.split('|')[1].trim();
		fields.push(...cell.split(/,\s*|\s*\+\s*/).map((f) => f.trim()));
	}
	return fields;
}

/** The dialog's fields are the README's, in its order; resolves with the dialog's labels. */
async function checkFieldOrder(/** @type {import('playwright-core').Locator} */ modal) {
	const readmeOrder = readmeCredentialFields();
	const labels = (
		await modal.locator('[data-test-id=credential-connection-parameter]').allInnerTexts()
	).map((t) =>
		t
			.split('\n')[0]
			.replace(/\s*\*$/, '')
			.trim(),
	);
	const positions = readmeOrder.map((field) => labels.indexOf(field));
	check(
		positions.every((p) => p >= 0),
		`fields the README names but the dialog lacks: ${readmeOrder.filter((_, i) => positions[i] < 0).join(', ')} (dialog: ${labels.join(', ')})`,
	);
	check(
		positions.every((p, i) => i === 0 || p > positions[i - 1]),
		`the dialog's order ${labels.join(', ')} is not the README's ${readmeOrder.join(', ')}`,
	);
	return labels;
}

/** The dialog as the user opens it, then with a wrong password, then put right again. */
async function credentialDialog(/** @type {Session} */ session) {
	const { page, base, stack } = session;
	await page.goto(`${base}/home/credentials/${CREDENTIAL.id}`);
	const modal = page.locator('[data-test-id=editCredential-modal]');
	await modal.waitFor();
	const tested = () =>
		modal
			.locator('[data-test-id=credentials-config-container-test-success]')
			.waitFor({ state: 'visible', timeout: 30_000 });
	// n8n tests a saved credential as the dialog opens.
	await tested();
	const labels = await checkFieldOrder(modal);
	await session.screen('credential-ok');

	const password = modal.locator('[data-test-id=parameter-input-password] input');
	await password.fill('not-the-password');
	await modal.locator('[data-test-id=credential-save-button]').click();
	await modal.getByText(/Couldn.t connect/).waitFor({ timeout: 30_000 });
	await modal.getByText('More details').click();
	const shown = await modal.locator('[data-test-id=node-credentials-config-container]').innerText();
	check(
		/BDC_1101/.test(shown) && /password/i.test(shown),
		`the dialog should show BILL's code BDC_1101 and message: ${shown.slice(0, 400)}`,
	);
	check(!shown.includes('not-the-password'), 'the dialog shows the password');
	await session.screen('credential-wrong-password');
	const message = /BILL login failed[^\n]*/.exec(shown)?.[0] ?? '';

	// Put the right password back: the later steps use this credential.
	await password.fill(stack.emulator.fixtures.admin.password);
	await modal.locator('[data-test-id=credential-save-button]').click();
	await tested();
	await page.keyboard.press('Escape');
	// The failed test is n8n logging our login error: expected here.
	session.forgetConsole();
	return `fields ${labels.join(', ')}; wrong password: "${message}"`;
}

/** The group's tests. */
export async function credentialTests(/** @type {Session} */ session) {
	await session.step(STEPS.credential, () => credentialDialog(session));
}
