import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, checkAmount, checkId, getDate, getId, invalid } from '../../helpers/validation';
import { billApiRequest, withHint } from '../../../shared/transport';
import { customerBankAccountLocator, getCustomerBankAccountId } from '../customer/bankAccounts';
import { customerLocator } from '../customer/descriptions';
import {
	RECEIVABLE_PAYMENTS_PATH,
	type WantedCharge,
	checkInvoices,
	liveReceivedPayments,
	paymentsOfInvoices,
	sameCharge,
	theCustomerBankAccount,
} from './charges';

const properties: INodeProperties[] = [
	{
		displayName:
			"Moves money: BILL takes it from the customer's bank account on the withdrawal date. The customer must be authorized to charge (Customer → Set Charge Authorization) and have a bank account (Customer → Create Bank Account). A charge of the same invoices, amounts and date that exists already is returned (alreadyExisted: true) instead of charging twice.",
		name: 'chargeNotice',
		type: 'notice',
		default: '',
	},
	customerLocator('The customer to charge'),
	{
		displayName: 'Funding Account',
		name: 'fundingMode',
		type: 'options',
		options: [
			{
				name: "The Customer's Bank Account",
				value: 'customerAccount',
				description: 'The one active bank account the customer has in BILL',
			},
			{ name: 'By ID', value: 'id', description: 'One bank account of the customer, by its ID' },
		],
		default: 'customerAccount',
		description: "Which of the customer's bank accounts BILL takes the money from",
	},
	{
		...customerBankAccountLocator('The customer bank account to take the money from'),
		displayOptions: { show: { fundingMode: ['id'] } },
	},
	{
		displayName: 'Invoices',
		name: 'invoices',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Invoice',
		default: {},
		required: true,
		description: 'The invoices of this customer that the charge pays, and how much of each',
		options: [
			{
				displayName: 'Invoice',
				name: 'invoice',
				values: [
					{
						displayName: 'Invoice ID',
						name: 'invoiceId',
						type: 'string',
						default: '',
						placeholder: '00e02ABCDEFGHIJKLMNO',
						description: 'The invoice to pay (ID starting with 00e)',
					},
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						typeOptions: { numberPrecision: 2, minValue: 0 },
						default: 0,
						description:
							"How much of the invoice to charge, at most its due amount (map the invoice's dueAmount to charge it in full; when a re-run finds that 0, the invoice is paid and its charge is returned)",
					},
				],
			},
		],
	},
	{
		displayName: 'Withdrawal Date',
		name: 'paymentDate',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"The day BILL takes the money from the customer's account (YYYY-MM-DD; of a date and time only the date is used). Required here, though BILL would pick one: it is how a re-run recognises the charge.",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: "What the customer's bank statement shows for the charge",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['receivablePayment'], operation: ['charge'] } },
	properties,
);

/** Items run one after another, so two items charging the same invoices see each other's charge. */
export const concurrent = false;

function getWanted(context: IExecuteFunctions, itemIndex: number): WantedCharge {
	const customerId = getId(context, itemIndex, 'customerId', 'Customer', ID_PREFIX.customer);
	const raw = context.getNodeParameter('invoices.invoice', itemIndex, []) as IDataObject[];
	if (!raw.length) throw invalid(context, itemIndex, 'Invoices', 'add at least one invoice');
	const invoicePayments = raw.map((entry, n) => ({
		invoiceId: checkId(
			context,
			itemIndex,
			`Invoices → Invoice ID ${n + 1}`,
			entry.invoiceId,
			ID_PREFIX.invoice,
		),
		amount: checkAmount(context, itemIndex, `Invoices → Amount ${n + 1}`, entry.amount ?? 0, {
			allowZero: true,
		}),
	}));
	const ids = invoicePayments.map((p) => p.invoiceId);
	const twice = ids.find((id, n) => ids.indexOf(id) !== n);
	if (twice) throw invalid(context, itemIndex, 'Invoices', `invoice ${twice} is given twice`);
	const paymentDate = getDate(context, itemIndex, 'paymentDate', 'Withdrawal Date');
	return { customerId, invoicePayments, paymentDate };
}

/**
 * A re-run whose amounts map the invoices' dueAmount finds 0 once they are paid: the charges of
 * those invoices are returned (alreadyExisted: true) and nothing is charged. An amount of 0 on an
 * invoice that still has something due is refused.
 */
async function rerunOfPaidInvoices(
	context: IExecuteFunctions,
	itemIndex: number,
	wanted: WantedCharge,
	live: IDataObject[],
): Promise<IDataObject[]> {
	const zero = wanted.invoicePayments.filter((p) => p.amount === 0);
	const ids = zero.map((p) => p.invoiceId);
	for (const invoiceId of ids) {
		const invoice = await billApiRequest.call(context, {
			method: 'GET',
			path: `/v3/invoices/${invoiceId}`,
			itemIndex,
		});
		const due = Number(invoice.dueAmount ?? 0);
		if (due > 0 || zero.length < wanted.invoicePayments.length) {
			throw invalid(
				context,
				itemIndex,
				'Invoices → Amount',
				`must be more than 0 (invoice ${invoiceId} has ${due} due)`,
				"Give the amount to charge, or map the invoice's dueAmount to charge it in full.",
			);
		}
	}
	const charges = paymentsOfInvoices(live, ids);
	if (!charges.length) {
		throw invalid(
			context,
			itemIndex,
			'Invoices → Amount',
			`is 0 because invoice ${ids.join(', ')} has nothing left to pay; nothing was charged`,
			'The invoice was paid some other way (Invoice → Get shows it).',
		);
	}
	return charges.map((c) => ({ ...c, alreadyExisted: true, invoiceAlreadyPaid: true }));
}

/**
 * `POST /v3/receivable-payments` (https://developer.bill.com/docs/ar-charge-customer): BILL
 * documents no idempotency key, so before charging the customer's received payments are read and
 * a live one with the same invoices, amounts and withdrawal date is returned instead. The invoices
 * are read (what is still due) and the customer's bank account found before anything is sent.
 * The charge itself is never repeated when its outcome is unknown.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const wanted = getWanted(this, itemIndex);
	const byId = this.getNodeParameter('fundingMode', itemIndex, 'customerAccount') === 'id';
	const givenAccount = byId ? getCustomerBankAccountId(this, itemIndex) : undefined;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const live = await liveReceivedPayments(this, itemIndex, wanted.customerId);
	if (wanted.invoicePayments.some((p) => p.amount === 0))
		return await rerunOfPaidInvoices(this, itemIndex, wanted, live);
	const existing = sameCharge(live, wanted);
	if (existing) return { ...existing, alreadyExisted: true };

	await checkInvoices(this, itemIndex, wanted);
	const accountId =
		givenAccount ?? (await theCustomerBankAccount(this, itemIndex, wanted.customerId));
	const body: IDataObject = {
		customerId: wanted.customerId,
		fundingAccount: { type: 'BANK_ACCOUNT', id: accountId },
		invoicePayments: wanted.invoicePayments.map((p) => ({ ...p })),
		paymentDate: wanted.paymentDate,
	};
	const memo = String(additional.description ?? '').trim();
	if (memo) body.description = memo;
	try {
		const charged = await billApiRequest.call(this, {
			method: 'POST',
			path: RECEIVABLE_PAYMENTS_PATH,
			body,
			itemIndex,
			uncertainHint: `Running it again is safe: the node first looks for a charge of customer ${wanted.customerId} with these invoices, amounts and withdrawal date, and returns it instead of charging twice.`,
		});
		return { ...charged, alreadyExisted: false };
	} catch (error) {
		throw withHint(
			error,
			'BILL charges a customer only when the customer is authorized to charge (Customer → Set Charge Authorization) and the bank account is theirs and active (Customer → Get Many Bank Accounts); the withdrawal date must not be in the past.',
			(status) => status === 400 || status === 403,
		);
	}
}
