/** The BILL Polling Trigger's cursor (nodes/BillPollingTrigger/cursor.ts), without BILL. */
import {
	OVERLAP_MS,
	advance,
	firstTimes,
	since,
	startCursor,
	statusChanges,
	type Change,
} from '../../nodes/BillPollingTrigger/cursor';

const at = (iso: string, id: string, object = {}): Change => ({ id, time: iso, object });

describe('polling cursor', () => {
	it('asks from the overlap window before the newest time seen', () => {
		const cursor = startCursor(new Date('2026-12-07T10:00:00.000Z'));
		expect(Date.parse(cursor.after) - Date.parse(since(cursor))).toBe(OVERLAP_MS);
	});

	it('drops an (ID, time) seen before, keeps the same ID at a later time, and forgets pairs left of the window', () => {
		let cursor = startCursor(new Date('2026-12-07T10:00:00.000Z'));
		const first = advance(cursor, [at('2026-12-07T10:00:05.000+00:00', 'a')]);
		expect(first.fresh.map((c) => c.id)).toEqual(['a']);
		cursor = first.cursor;
		// Listed again inside the window (BILL writes +00:00, the cursor Z: the same instant).
		expect(advance(cursor, [at('2026-12-07T10:00:05.000Z', 'a')]).fresh).toEqual([]);
		const updated = advance(cursor, [at('2026-12-07T10:00:09.000+00:00', 'a')]);
		expect(updated.fresh).toHaveLength(1);
		expect(updated.cursor.after).toBe('2026-12-07T10:00:09.000Z');
		const later = advance(updated.cursor, [at('2026-12-07T10:30:00.000Z', 'b')]);
		expect(later.cursor.seen).toEqual([['b', '2026-12-07T10:30:00.000Z']]);
	});

	it('"once" events: an ID reported before is not reported again', () => {
		const cursor = startCursor(new Date());
		expect(firstTimes(cursor, [at('t', 'x'), at('t', 'y')]).map((c) => c.id)).toEqual(['x', 'y']);
		expect(firstTimes(cursor, [at('t2', 'x')])).toEqual([]);
	});

	it('"status changed": only a status other than the last one seen', () => {
		const cursor = startCursor(new Date());
		const statusOf = (o: { status?: string }) => String(o.status);
		expect(statusChanges(cursor, [at('t', 'p', { status: 'SCHEDULED' })], statusOf)).toHaveLength(
			1,
		);
		expect(statusChanges(cursor, [at('t2', 'p', { status: 'SCHEDULED' })], statusOf)).toEqual([]);
		expect(statusChanges(cursor, [at('t3', 'p', { status: 'PAID' })], statusOf)).toHaveLength(1);
	});
});
