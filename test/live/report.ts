/**
 * test/live/REPORT.md: every difference between BILL's answers and the emulator's (what to fix
 * in the emulator), the arrays that could not be compared, and the calls made. Secrets, session
 * IDs and object IDs are masked; no value of any answer is written, only field names, types,
 * status codes and BILL's error codes (and error messages, masked).
 */
import type { Difference, LiveResult, Note, Outcome } from './check';
import { mask } from './shape';

const where = (d: { name: string; method: string; route: string }) =>
	`**${d.name}** \`${d.method} ${d.route}\``;

/** A JSON type as the report says it ('none': the answer had no body). */
const kind = (type: string | undefined) => (type === 'none' ? 'absent (no body)' : type);

export function describeDifference(d: Difference): string {
	const field = d.path ? `\`${d.path}\`` : '';
	switch (d.kind) {
		case 'status':
			return `${where(d)}: HTTP status BILL ${d.bill}, emulator ${d.emulator}`;
		case 'code':
			return `${where(d)}: error code BILL ${d.bill}, emulator ${d.emulator}`;
		case 'onlyInBill':
			return `${where(d)}: field ${field} (${d.bill}) is in BILL's answer, missing in the emulator's`;
		case 'onlyInEmulator':
			return `${where(d)}: field ${field} (${d.emulator}) is in the emulator's answer, not in BILL's`;
		case 'type':
			return `${where(d)}: ${field} is ${kind(d.bill)} in BILL's answer, ${kind(d.emulator)} in the emulator's`;
		case 'failed':
			return `${where(d)}: no answer on one side (BILL: ${d.bill}, emulator: ${d.emulator})`;
	}
}

function describeNote(n: Note): string {
	const empty = n.emptyIn === 'BILL' ? "BILL's answer" : "the emulator's answer";
	return `${where(n)}: \`${n.path}\` is empty in ${empty}, so its elements were not compared`;
}

const cell = (o: Outcome | undefined) => {
	if (!o) return 'not made';
	if (o.error) return `no answer (${o.error})`;
	return [String(o.status), ...o.codes].join(' ');
};

export function renderReport(result: LiveResult): string {
	const target = result.config.sandbox
		? `BILL's sandbox (${result.config.urls.api})`
		: `a loopback URL standing in for BILL (${result.config.urls.api})`;
	const lines: string[] = [
		'# Live check: BILL against the emulator',
		'',
		`Run ${result.startedAt} by \`npm run test:live\` against ${target}.`,
		'Compared with the emulator (emulator/) making the same calls with its fixture login.',
		`MFA-trusted login: ${result.config.mfa ? 'yes' : 'no'}. Names used: \`${result.prefix}\`.`,
		'',
		'Compared for each call: the HTTP status, BILL error codes, and the field names and JSON',
		'types of the answer (recursively; an array by its first element). Values are not compared.',
		'Secrets, session IDs and object IDs are masked.',
		'',
		`## Differences (${result.differences.length})`,
		'',
	];
	if (!result.differences.length) lines.push('No differences.');
	else {
		lines.push(
			"Each is something the emulator does differently from BILL: fix the emulator's route in",
			'emulator/routes/ (unless the node depends on it: then the node too).',
			'',
		);
		for (const d of result.differences) lines.push(`- ${describeDifference(d)}`);
	}
	lines.push('', `## Not compared (${result.notes.length})`, '');
	if (!result.notes.length)
		lines.push('Nothing: every array had elements on both sides or neither.');
	for (const n of result.notes) lines.push(`- ${describeNote(n)}`);
	const skipped = result.calls.filter((c) => c.skipped);
	if (skipped.length) {
		lines.push('', `## Calls not made on both sides (${skipped.length})`, '');
		for (const c of skipped) lines.push(`- ${where(c)}: ${c.skipped}`);
	}
	const errors = result.calls.filter(
		(c) =>
			(c.bill?.message && c.bill.status >= 400) ||
			(c.emulator?.message && c.emulator.status >= 400),
	);
	lines.push('', `## Calls (${result.calls.length})`, '');
	lines.push('| # | Call | BILL | Emulator |', '| --- | --- | --- | --- |');
	for (const c of result.calls)
		lines.push(
			`| ${c.n} | ${c.name} \`${c.method} ${c.route}\` | ${cell(c.bill)} | ${cell(c.emulator)} |`,
		);
	if (errors.length) {
		lines.push('', '## Error messages', '');
		for (const c of errors) {
			const both = [
				c.bill?.message ? `BILL "${c.bill.message}"` : undefined,
				c.emulator?.message ? `emulator "${c.emulator.message}"` : undefined,
			].filter(Boolean);
			lines.push(`- ${c.n}. ${c.name}: ${both.join('; ')}`);
		}
	}
	const left = result.leftoversDeleted;
	if (left.BILL || left.emulator)
		lines.push(
			'',
			`Before the calls, ${left.BILL} webhook subscription(s) named \`n8n-live-check-…\` left in BILL by an earlier run were deleted.`,
		);
	lines.push('');
	return mask(lines.join('\n'), result.secrets, result.ids);
}

/** One line for the console. */
export function summary(result: LiveResult, reportPath: string): string {
	const n = result.differences.length;
	return `${n === 0 ? 'No differences' : `${n} difference${n === 1 ? '' : 's'}`} between BILL and the emulator in ${result.calls.length} calls; report: ${reportPath}`;
}
