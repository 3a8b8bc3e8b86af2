import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../../helpers/fields';
import { skipExistingField, wantsSkipExisting } from '../../helpers/existing';
import { receiptImage, uploadReceiptImage } from '../../helpers/receipts';
import { checkDate, getSpendId, getString } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { reimbursementBody } from './body';
import { createReimbursementOnce, matchByField } from './existing';
import { optionalReimbursementFields, reimbursementBudget } from './descriptions';

const properties: INodeProperties[] = [
	userLocator('The user who spent the money and is paid back'),
	reimbursementBudget('The budget the expense is charged to'),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 0,
		required: true,
		description: 'How much to pay back (USD)',
	},
	{
		displayName: 'Merchant Name',
		name: 'merchantName',
		description: 'Where the money was spent',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Jasmine Thai',
	},
	{
		displayName: 'Date',
		name: 'occurredDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The day the expense happened',
	},
	...optionalReimbursementFields,
	...skipExistingField(
		'Skip Existing Reimbursements',
		'a reimbursement of the same user with the same amount, merchant (ignoring case) and date, or with the same note when Match Existing By says so (deleted or retired ones do not count)',
	),
	matchByField,
	{
		displayName: 'Attach Receipt',
		name: 'attachReceipt',
		type: 'boolean',
		default: false,
		description: "Whether to attach a receipt image (JPG or PNG) from the item's binary data",
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		description: "The input item's binary field that holds the receipt image (JPG or PNG)",
		type: 'string',
		default: 'data',
		displayOptions: { show: { attachReceipt: [true] } },
		hint: 'The name of the input binary field holding the receipt image (JPG or PNG)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['create'] } },
	properties,
);

/**
 * `POST /v3/spend/reimbursements` (Postman "Create a reimbursement"; BILL answers 200), with the
 * receipt uploaded first when asked (Postman "Create a reimbursement upload URL", then PUT).
 * Everything is checked before the first call; the create is not repeated when its answer is lost.
 * With "Skip Existing Reimbursements" the user's reimbursement with the same key is returned
 * instead (./existing.ts), and no receipt is uploaded for it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = reimbursementBody(this, itemIndex, {
		userId: decodeURIComponent(getSpendId(this, itemIndex, 'userId', 'User')),
		budgetId: decodeURIComponent(getSpendId(this, itemIndex, 'budgetId', 'Budget')),
		amount: this.getNodeParameter('amount', itemIndex),
		merchantName: getString(this, itemIndex, 'merchantName', 'Merchant Name'),
		occurredDate: checkDate(
			this,
			itemIndex,
			'Date',
			this.getNodeParameter('occurredDate', itemIndex, ''),
		),
		note: this.getNodeParameter('note', itemIndex, ''),
	});
	const attach = Boolean(this.getNodeParameter('attachReceipt', itemIndex, false));
	const image = attach ? await receiptImage(this, itemIndex) : undefined;
	const create = async () => {
		if (image) {
			const url = await uploadReceiptImage(
				this,
				itemIndex,
				'/v3/spend/reimbursements/image-upload-url',
				image,
			);
			body.receipts = [{ url, filename: image.fileName }];
		}
		return await spendApiRequest.call(this, {
			method: 'POST',
			path: '/v3/spend/reimbursements',
			body,
			itemIndex,
			uncertainHint: `Look for a reimbursement of ${String(body.amount)} at "${String(body.merchantName)}" (Reimbursement → Get Many) before running it again, or run it again with "Skip Existing Reimbursements" on.`,
		});
	};
	if (!wantsSkipExisting(this, itemIndex)) return await create();
	return await createReimbursementOnce(this, itemIndex, body, create);
}
