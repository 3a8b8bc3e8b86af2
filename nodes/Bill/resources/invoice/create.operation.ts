import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, checkEmail, getId, getString } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { createCustomer } from '../customer/create.operation';
import { customerLocator } from '../customer/descriptions';
import { createCustomerUnlessExists } from '../customer/existing';
import { checkInvoiceNumber, optionalInvoiceBody } from './body';
import { invoiceLineItemsField, optionalInvoiceFields } from './descriptions';
import { createInvoiceUnlessExists } from './existing';
import { getInvoiceLineItems } from './lineItems';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Source',
		name: 'customerMode',
		description:
			'An existing customer picked from the list or by ID, or a new one by name and email',
		type: 'options',
		options: [
			{ name: 'Existing Customer', value: 'existing' },
			{
				name: 'New Customer (Name and Email)',
				value: 'new',
				description: 'A customer given by name and email, e.g. from an order',
			},
		],
		default: 'existing',
	},
	{
		...customerLocator('The customer to invoice'),
		displayOptions: { show: { customerMode: ['existing'] } },
	},
	{
		displayName: 'Customer Name',
		name: 'customerName',
		description:
			"The customer's name; the existing customer with this name or email is used when there is one",
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { customerMode: ['new'] } },
	},
	{
		displayName: 'Customer Email',
		name: 'customerEmail',
		description: "The customer's email address, where BILL sends the invoice",
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		displayOptions: { show: { customerMode: ['new'] } },
	},
	{
		displayName: 'Use Existing Customer With Same Name or Email',
		name: 'matchCustomer',
		type: 'boolean',
		default: true,
		description:
			'Whether to invoice the active customer with this name or email when there is one (compared ignoring case), and create the customer first only when there is none, so no customer is made twice. Off: BILL creates a new customer with each invoice.',
		displayOptions: { show: { customerMode: ['new'] } },
	},
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		default: '',
		description:
			'At most 100 characters. BILL numbers the invoice itself when left empty (then a re-run cannot be recognised).',
	},
	invoiceLineItemsField(false, true),
	{
		displayName: 'Skip Existing Invoice Numbers',
		name: 'skipExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the active invoice the customer already has with this invoice number instead of creating a second one, so a re-run creates nothing twice. The output then has alreadyExisted: true.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...optionalInvoiceFields,
				{
					displayName: 'Send Email',
					name: 'sendEmail',
					type: 'boolean',
					default: false,
					description: 'Whether BILL emails the invoice to the customer when it is created',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['create'] } },
	properties,
);

/** `POST /v3/invoices` → 201 and the invoice. Not repeatable: a repeat could create it twice. */
async function createInvoice(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	const number = body.invoiceNumber ? ` number "${String(body.invoiceNumber)}"` : '';
	return await billApiRequest.call(context, {
		method: 'POST',
		path: '/v3/invoices',
		body,
		itemIndex,
		uncertainHint: `Check in BILL whether the customer has an invoice${number} (Invoice → Get Many, filter by customer) before running it again, or run it again with "Skip Existing Invoice Numbers" on.`,
	});
}

/**
 * The `customer` object of BILL's create (`{id}` or `{name, email}`). With "Use Existing
 * Customer" the node finds or creates the customer itself, so it always sends `{id}`: BILL
 * documents `{name, email}` as creating a customer, and would make one per invoice.
 */
async function resolveCustomer(
	context: IExecuteFunctions,
	itemIndex: number,
	customer: IDataObject,
	match: boolean,
): Promise<IDataObject> {
	if (customer.id || !match) return customer;
	const found = await createCustomerUnlessExists(
		context,
		itemIndex,
		customer,
		async () => await createCustomer(context, itemIndex, customer),
	);
	return { id: found.id };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Every parameter is read and checked before anything is sent.
	const mode = this.getNodeParameter('customerMode', itemIndex, 'existing') as string;
	const customer: IDataObject =
		mode === 'new'
			? {
					name: getString(this, itemIndex, 'customerName', 'Customer Name'),
					email: checkEmail(
						this,
						itemIndex,
						'Customer Email',
						getString(this, itemIndex, 'customerEmail', 'Customer Email'),
					),
				}
			: { id: getId(this, itemIndex, 'customerId', 'Customer', ID_PREFIX.customer) };
	const match = this.getNodeParameter('matchCustomer', itemIndex, true) as boolean;
	const invoiceNumber = checkInvoiceNumber(
		this,
		itemIndex,
		this.getNodeParameter('invoiceNumber', itemIndex, ''),
	);
	const lines = getInvoiceLineItems(this, itemIndex, true);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const optional = optionalInvoiceBody(this, itemIndex, additional);
	const skipExisting = this.getNodeParameter('skipExisting', itemIndex, true) as boolean;

	const body: IDataObject = {
		customer: await resolveCustomer(this, itemIndex, customer, match),
		invoiceLineItems: lines,
		...(invoiceNumber ? { invoiceNumber } : {}),
		...optional,
		processingOptions: { sendEmail: additional.sendEmail === true },
	};
	const create = async () => await createInvoice(this, itemIndex, body);
	const customerId = (body.customer as IDataObject).id;
	if (!skipExisting || !invoiceNumber || !customerId) return await create();
	return await createInvoiceUnlessExists(
		this,
		itemIndex,
		String(customerId),
		invoiceNumber,
		create,
	);
}
