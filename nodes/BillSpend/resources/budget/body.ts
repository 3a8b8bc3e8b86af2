import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	checkAmount,
	checkDate,
	checkIdList,
	checkInteger,
	invalid,
} from '../../helpers/validation';

/**
 * The node's budget fields as BILL's budget body (https://developer.bill.com/reference/createbudget),
 * each checked: amounts, a date, a month 1–12 only for quarterly or yearly budgets, user lists.
 */
export function budgetBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	parameterOf: (key: string) => string,
): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		const parameter = parameterOf(key);
		switch (key) {
			case 'budgetLimit':
				body.limit = checkAmount(context, itemIndex, parameter, value, { allowZero: true });
				break;
			case 'recurringLimit':
				body[key] = checkAmount(context, itemIndex, parameter, value, { allowZero: true });
				break;
			case 'expirationDate':
				body[key] = checkDate(context, itemIndex, parameter, value);
				break;
			case 'recurMonth':
				body[key] = checkInteger(context, itemIndex, parameter, value, 1, 12);
				break;
			case 'timezone':
				if (!/^[A-Za-z]+(\/[A-Za-z_+-]+)+$/.test(String(value).trim()))
					throw invalid(
						context,
						itemIndex,
						parameter,
						`"${String(value)}" is not a time zone`,
						'For example US/Pacific.',
					);
				body[key] = String(value).trim();
				break;
			case 'members':
			case 'observers':
				body[key] = checkIdList(context, itemIndex, parameter, value);
				break;
			default:
				body[key] = typeof value === 'string' ? value.trim() : value;
		}
	}
	const interval = body.recurringInterval as string | undefined;
	if (body.recurMonth !== undefined && interval && !['QUARTERLY', 'YEARLY'].includes(interval))
		throw invalid(
			context,
			itemIndex,
			parameterOf('recurMonth'),
			'applies only to a quarterly or yearly budget',
		);
	return body;
}
