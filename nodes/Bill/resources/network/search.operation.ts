import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';

const SCOPES = ['BILL', 'RPPS', 'ALL'];

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Harbor Freight',
		description:
			'In the BILL network, whole words of at least 3 characters (BILL finds nothing for part of a word); RPPS billers also match part of their name',
	},
	{
		displayName: 'Scope',
		name: 'scope',
		description: 'Search the BILL network, or the billers BILL pays electronically (RPPS)',
		type: 'options',
		options: [
			{ name: 'BILL Network', value: 'BILL' },
			{
				name: 'RPPS Billers',
				value: 'RPPS',
				description: 'Verified national vendors and large billers',
			},
			{ name: 'Both', value: 'ALL' },
		],
		default: 'BILL',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'ZIP or Postal Code', name: 'zipOrPostalCode', type: 'string', default: '' },
			{
				displayName: 'Account Number',
				name: 'accountNumber',
				type: 'string',
				default: '',
				description: 'Your account number with an RPPS biller, to narrow its results',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['network'], operation: ['search'] } },
	properties,
);

/**
 * Postman "Search for an organization in the BILL Network": one item per organization found
 * (`id` is the network ID an invitation takes). BILL's rule for scope BILL: the name at least 3
 * characters and whole words, checked here so a short term says why rather than finding nothing.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const raw = this.getNodeParameter('name', itemIndex, '');
	if (typeof raw !== 'string' && typeof raw !== 'number')
		throw invalid(this, itemIndex, 'Name', 'must be text');
	const name = String(raw).trim();
	const scope = this.getNodeParameter('scope', itemIndex, 'BILL');
	if (typeof scope !== 'string' || !SCOPES.includes(scope))
		throw invalid(this, itemIndex, 'Scope', `must be one of ${SCOPES.join(', ')}`);
	if (name.length < 3 || name.length > 200)
		throw invalid(
			this,
			itemIndex,
			'Name',
			'must be 3 to 200 characters',
			'BILL searches its network by whole words of at least 3 characters.',
		);
	const qs: IDataObject = { name, scope };
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	for (const key of ['zipOrPostalCode', 'accountNumber']) {
		const value = options[key];
		if (value === undefined || value === '') continue;
		if (typeof value !== 'string' && typeof value !== 'number')
			throw invalid(this, itemIndex, `Options → ${key}`, 'must be text');
		qs[key] = String(value).trim();
	}
	const answer = await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/network',
		qs,
		itemIndex,
	});
	return (Array.isArray(answer.results) ? answer.results : []) as IDataObject[];
}
