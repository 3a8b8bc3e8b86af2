import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, sleep, updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { notGiven } from '../../helpers/getMany';
import { ID_PREFIX, checkEmail, checkId, getId, invalid } from '../../helpers/validation';
import { splitList } from '../../helpers/filters';
import { asNodeError, billApiRequest } from '../../../shared/transport';
import { invoiceLocator } from './descriptions';

const properties: INodeProperties[] = [
	invoiceLocator('The invoice to send'),
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ap@customer.example, owner@customer.example',
		description: 'Email addresses to send the invoice to, separated by commas',
	},
	idLocator({
		name: 'replyToUserId',
		displayName: 'Reply-To User',
		object: 'user',
		prefix: ID_PREFIX.user,
		searchListMethod: 'searchUsers',
		optional: true,
		description:
			'The BILL user the customer replies to. Empty: the user the credential signs in as.',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['sendEmail'] } },
	properties,
);

/**
 * BILL allows 5 emails a minute from the endpoints that send email
 * (https://developer.bill.com/docs/api-rate-limits). A refused send sent nothing, so it is sent
 * again after the minute; tests lower the wait.
 */
export const emailPacing = { waitMs: 61_000, attempts: 6 };

/**
 * Whether BILL refused the send for its per-minute email limit. BILL documents the limit but not
 * its code; its request limits answer BDC_1144 ("Max number of allowed requests per hour"), so a
 * BDC_1144 or HTTP 429 whose message speaks of a minute counts; the hourly limit does not.
 */
function isMinuteLimit(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const limited = error.context.billCode === 'BDC_1144' || String(error.httpCode) === '429';
	return limited && /minute/i.test(error.message);
}

/** The user the credential's session belongs to (`GET /v3/login/session`). */
async function sessionUserId(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	const session = await billApiRequest.call(context, {
		method: 'GET',
		path: '/v3/login/session',
		itemIndex,
	});
	return String(session.userId ?? '');
}

/** `POST /v3/invoices/{id}/email` (BILL's "Send an invoice"): an empty 200 answer. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = getId(this, itemIndex, 'invoiceId', 'Invoice', ID_PREFIX.invoice);
	const to = splitList(this.getNodeParameter('recipients', itemIndex, '')).map((email) =>
		checkEmail(this, itemIndex, 'Recipients', email),
	);
	if (!to.length) throw invalid(this, itemIndex, 'Recipients', 'is required');
	const given = this.getNodeParameter('replyToUserId', itemIndex, '', { extractValue: true });
	const userId = notGiven(given)
		? await sessionUserId(this, itemIndex)
		: checkId(this, itemIndex, 'Reply-To User', given, ID_PREFIX.user);
	const body = { recipient: { to }, replyTo: { userId } };
	for (let attempt = 1; ; attempt++) {
		try {
			await billApiRequest.call(this, {
				method: 'POST',
				path: `/v3/invoices/${invoiceId}/email`,
				body,
				itemIndex,
				uncertainHint:
					'The customer may have got the email: check with them or in BILL before sending it again.',
			});
			return { invoiceId, sent: true, to, replyToUserId: userId };
		} catch (error) {
			if (!isMinuteLimit(error) || attempt >= emailPacing.attempts)
				throw asNodeError(this.getNode(), error);
			await sleep(emailPacing.waitMs);
		}
	}
}

/** One send at a time: BILL's 5-a-minute limit is waited out in order. */
export const concurrent = false;
