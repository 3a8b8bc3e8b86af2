// What goes to BILL: a recurring invoice (BILL's "Create a recurring invoice"), read from the
// parameters and checked before anything is sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { putClassifications } from '../../helpers/classifications';
import { ID_PREFIX, checkDate, getId, invalid } from '../../helpers/validation';
import { getInvoiceLineItems } from '../invoice/lineItems';

const whole = (
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
	min: number,
): number => {
	const number = Number(value);
	if (!Number.isInteger(number) || number < min)
		throw invalid(context, itemIndex, parameter, `must be a whole number of ${min} or more`);
	return number;
};

/** The `schedule` from a collection of scheduleFields values (all of them on create). */
export function scheduleOf(
	context: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	complete: boolean,
): IDataObject {
	const schedule: IDataObject = {};
	const given = (key: string) =>
		values[key] !== undefined && values[key] !== '' && values[key] !== null;
	if (given('period')) schedule.period = values.period;
	if (given('frequency'))
		schedule.frequency = whole(context, itemIndex, 'Every', values.frequency, 1);
	if (given('nextDueDate'))
		schedule.nextDueDate = checkDate(context, itemIndex, 'Next Due Date', values.nextDueDate);
	else if (complete) throw invalid(context, itemIndex, 'Next Due Date', 'is required');
	if (given('endDate'))
		schedule.endDate = checkDate(context, itemIndex, 'End Date', values.endDate);
	if (given('daysInAdvance'))
		schedule.daysInAdvance = whole(context, itemIndex, 'Days in Advance', values.daysInAdvance, 0);
	if (
		schedule.endDate &&
		schedule.nextDueDate &&
		String(schedule.endDate) < String(schedule.nextDueDate)
	)
		throw invalid(context, itemIndex, 'End Date', 'is before the next due date');
	return schedule;
}

/** Description, Send Email and Classifications, as BILL names them, checked. */
export function optionalRecurringBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	const description = String(fields.description ?? '').trim();
	if (description) body.description = description;
	if (typeof fields.sendEmail === 'boolean') body.sendEmail = fields.sendEmail;
	putClassifications(
		context,
		itemIndex,
		body,
		fields.classifications,
		'receivable',
		'Classifications',
	);
	return body;
}

/** A whole recurring invoice (Create, Replace). */
export function recurringInvoiceBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const scheduleValues = Object.fromEntries(
		['period', 'frequency', 'nextDueDate', 'endDate', 'daysInAdvance'].map((key) => [
			key,
			context.getNodeParameter(key, itemIndex, '') as unknown,
		]),
	) as IDataObject;
	return {
		customerId: getId(context, itemIndex, 'customerId', 'Customer', ID_PREFIX.customer),
		schedule: scheduleOf(context, itemIndex, scheduleValues, true),
		recurringInvoiceLineItems: getInvoiceLineItems(context, itemIndex, true, null),
		...optionalRecurringBody(
			context,
			itemIndex,
			context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		),
	};
}
