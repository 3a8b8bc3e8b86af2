// The network organization an invitation goes to (an ID from Network → Search).

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';

export const networkTargetProperties: INodeProperties[] = [
	{
		displayName: 'Network ID',
		name: 'networkId',
		type: 'string',
		default: '',
		required: true,
		description: 'The ID Network → Search gave for the organization (its payment network ID)',
	},
	{
		displayName: 'Network Type',
		name: 'networkType',
		description:
			"Connect through the BILL network, or through BILL's electronic biller network (RPPS)",
		type: 'options',
		options: [
			{ name: 'BILL', value: 'BILL' },
			{ name: 'RPPS', value: 'RPPS' },
		],
		default: 'BILL',
	},
];

export function networkTarget(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const id = context.getNodeParameter('networkId', itemIndex, '');
	if (
		(typeof id !== 'string' && typeof id !== 'number') ||
		!String(id).trim() ||
		String(id).length > 60
	)
		throw invalid(context, itemIndex, 'Network ID', 'is required (an ID from Network → Search)');
	const type = context.getNodeParameter('networkType', itemIndex, 'BILL');
	if (type !== 'BILL' && type !== 'RPPS')
		throw invalid(context, itemIndex, 'Network Type', 'must be BILL or RPPS');
	return { networkId: String(id).trim(), networkType: type };
}
