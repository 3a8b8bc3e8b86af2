import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { notGiven } from '../../helpers/getMany';
import { checkId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Network ID',
		name: 'networkId',
		type: 'string',
		default: '',
		required: true,
		description: 'The network ID of the organization that sent the invitation',
	},
	{
		displayName: 'They Are Your',
		name: 'type',
		description: 'Whether the organization that invited you is your vendor or your customer',
		type: 'options',
		options: [
			{ name: 'Customer', value: 'CUSTOMER' },
			{ name: 'Vendor', value: 'VENDOR' },
		],
		default: 'CUSTOMER',
	},
	idLocator({
		name: 'recordId',
		displayName: 'Existing Record',
		object: 'vendor or customer',
		// 009… (vendor) or 0cu… (customer), as They Are Your says: checked for shape only.
		prefix: '',
		searchListMethod: 'searchNetworkRecords',
		optional: true,
		description:
			'Your customer record (They Are Your: Customer) or vendor record (Vendor) to connect (Postman sends its ID as `ID`); empty: BILL links it its own way',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['network'], operation: ['accept'] } },
	properties,
);

/**
 * Postman "Accept connection request": only needed where auto-connections are off
 * (https://developer.bill.com/docs/accepting-a-network-invitation). BILL's older guide sends a
 * `name` for a new record instead of `id`; the node sends `id` only when given, as Postman does.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const networkId = this.getNodeParameter('networkId', itemIndex, '');
	if ((typeof networkId !== 'string' && typeof networkId !== 'number') || !String(networkId).trim())
		throw invalid(this, itemIndex, 'Network ID', 'is required');
	const type = this.getNodeParameter('type', itemIndex, 'CUSTOMER');
	if (type !== 'CUSTOMER' && type !== 'VENDOR')
		throw invalid(this, itemIndex, 'They Are Your', 'must be CUSTOMER or VENDOR');
	const body: IDataObject = { networkId: String(networkId).trim(), type };
	const recordId = this.getNodeParameter('recordId', itemIndex, '', { extractValue: true });
	if (!notGiven(recordId)) body.id = checkId(this, itemIndex, 'Existing Record', recordId);
	// Accepting twice leaves the connection as it is: safe to send again.
	await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/network/invitation/accept',
		body,
		repeatable: true,
		itemIndex,
	});
	return { ...body, accepted: true };
}
