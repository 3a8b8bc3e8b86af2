import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as accept from './accept.operation';
import * as cancelInvitation from './cancelInvitation.operation';
import * as emailInvitation from './emailInvitation.operation';
import * as getInvitation from './getInvitation.operation';
import * as inviteCustomer from './inviteCustomer.operation';
import * as inviteVendor from './inviteVendor.operation';
import * as search from './search.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['network'] } },
	options: [
		{
			name: 'Accept Invitation',
			value: 'accept',
			description:
				'Accept a connection request another BILL organization sent (only where auto-connections are off)',
			action: 'Accept a network invitation',
		},
		{
			name: 'Cancel Invitation',
			value: 'cancelInvitation',
			description:
				'Cancel a pending network invitation of a vendor or customer, or end the connection',
			action: 'Cancel a network invitation',
		},
		{
			name: 'Email Invitation',
			value: 'emailInvitation',
			description: 'Email a vendor not in the BILL network an invitation to join and connect',
			action: 'Email a network invitation',
		},
		{
			name: 'Get Invitation',
			value: 'getInvitation',
			description:
				'Get the network connection status of a vendor or customer (not connected, pending, connected)',
			action: 'Get a network invitation',
		},
		{
			name: 'Invite Customer',
			value: 'inviteCustomer',
			description: 'Ask a customer found by Search to connect in the BILL network',
			action: 'Invite a customer to connect',
		},
		{
			name: 'Invite Vendor',
			value: 'inviteVendor',
			description:
				'Ask a vendor found by Search to connect in the BILL network, to pay them electronically',
			action: 'Invite a vendor to connect',
		},
		{
			name: 'Search',
			value: 'search',
			description:
				'Find organizations in the BILL network (whole words, 3 characters or more) or RPPS billers, with their network IDs',
			action: 'Search the BILL network',
		},
	],
	default: 'search',
};

export const network: Resource = {
	displayName: 'BILL Network',
	summary: 'Find organizations in the BILL network and connect vendors and customers',
	description: [
		operationSelector,
		...search.description,
		...inviteVendor.description,
		...inviteCustomer.description,
		...getInvitation.description,
		...cancelInvitation.description,
		...emailInvitation.description,
		...accept.description,
	],
	operations: {
		accept,
		cancelInvitation,
		emailInvitation,
		getInvitation,
		inviteCustomer,
		inviteVendor,
		search,
	},
};
