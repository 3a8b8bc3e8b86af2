// What goes to BILL: a recurring bill's body (Postman "Create a recurring bill": vendorId,
// schedule{period, frequency, nextDueDate, endDate, daysInAdvance}, recurringBillLineItems,
// description, processingOptions{autoPayment}, paymentInformation{bankAccountId}), from the
// parameters, checked before anything is sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorValue } from '../../helpers/getMany';
import { ID_PREFIX, checkDate, checkId, getDate, getId, invalid } from '../../helpers/validation';
import { present } from '../bill/lineItems';
import { wholeLines, withLineChanges } from '../vendorCredit/lines';

const PERIODS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

function wholeNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
	min: number,
): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < min)
		throw invalid(
			context,
			itemIndex,
			label,
			`must be a whole number of ${min} or more, not ${String(value)}`,
		);
	return n;
}

/** The schedule and optional fields set in `fields` (flat, as the editor names them). */
function scheduleAndOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	label: (field: string) => string,
): IDataObject {
	const body: IDataObject = {};
	const schedule: IDataObject = {};
	if (present(fields.period)) {
		const period = String(fields.period).toUpperCase();
		if (!PERIODS.includes(period))
			throw invalid(
				context,
				itemIndex,
				label('Repeat Every'),
				`"${String(fields.period)}" is not one of ${PERIODS.join(', ')}`,
			);
		schedule.period = period;
	}
	if (present(fields.frequency))
		schedule.frequency = wholeNumber(context, itemIndex, label('Frequency'), fields.frequency, 1);
	if (present(fields.nextDueDate))
		schedule.nextDueDate = checkDate(
			context,
			itemIndex,
			label('Next Due Date'),
			fields.nextDueDate,
		);
	if (present(fields.endDate))
		schedule.endDate = checkDate(context, itemIndex, label('End Date'), fields.endDate);
	if (present(fields.daysInAdvance))
		schedule.daysInAdvance = wholeNumber(
			context,
			itemIndex,
			label('Days in Advance'),
			fields.daysInAdvance,
			0,
		);
	if (Object.keys(schedule).length) body.schedule = schedule;
	if (present(fields.description)) body.description = String(fields.description);
	if (fields.autoPayment !== undefined)
		body.processingOptions = { autoPayment: fields.autoPayment === true };
	const bankAccountId = locatorValue(fields.bankAccountId);
	if (bankAccountId)
		body.paymentInformation = {
			bankAccountId: checkId(
				context,
				itemIndex,
				label('Pay From Bank Account'),
				bankAccountId,
				ID_PREFIX.bankAccount,
			),
		};
	return body;
}

/** A whole recurring bill (Create, Replace) from the parameters. */
export function recurringBillBody(
	context: IExecuteFunctions,
	itemIndex: number,
	replacing: boolean,
): IDataObject {
	const lines = wholeLines(context, itemIndex, replacing);
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = scheduleAndOptions(
		context,
		itemIndex,
		{
			...additional,
			period: context.getNodeParameter('period', itemIndex),
			frequency: context.getNodeParameter('frequency', itemIndex),
		},
		(field) =>
			['Repeat Every', 'Frequency'].includes(field) ? field : `Additional Fields → ${field}`,
	);
	(body.schedule as IDataObject).nextDueDate = getDate(
		context,
		itemIndex,
		'nextDueDate',
		'Next Due Date',
	);
	const processing = body.processingOptions as IDataObject | undefined;
	if (processing?.autoPayment && !body.paymentInformation)
		throw invalid(
			context,
			itemIndex,
			'Additional Fields → Pay From Bank Account',
			'is required with Auto Pay',
		);
	return {
		vendorId: getId(context, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor),
		...body,
		recurringBillLineItems: lines,
	};
}

/** What an Update changes: the fields set (the schedule's as one object) and the lines named. */
export function recurringUpdateBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = scheduleAndOptions(
		context,
		itemIndex,
		fields,
		(field) => `Update Fields → ${field}`,
	);
	return withLineChanges(context, itemIndex, body, 'recurringBillLineItems');
}

/** Re-runs create nothing twice: a recurring bill is known by vendor, description, schedule and total. */
export function recurringKey(bill: IDataObject): string {
	const schedule = (bill.schedule ?? {}) as IDataObject;
	const lines = (bill.recurringBillLineItems ?? []) as IDataObject[];
	const total = Math.round(lines.reduce((sum, l) => sum + Number(l.amount ?? 0), 0) * 100);
	return [
		bill.vendorId,
		String(bill.description ?? '')
			.trim()
			.toLowerCase(),
		schedule.period,
		schedule.frequency ?? 1,
		total,
	].join('|');
}
