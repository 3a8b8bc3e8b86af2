// What the editor shows: the vendor or customer an invitation is for.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { vendorLocator } from '../vendor/descriptions';

export const CUSTOMER_PREFIX = '0cu';

/** Vendor or customer, picked from the list (or by ID). */
export function counterpartyProperties(operation: string, both: boolean): INodeProperties[] {
	const show = (kind: string) => (both ? { counterparty: [kind] } : {});
	const properties: INodeProperties[] = [];
	if (both)
		properties.push({
			displayName: 'Invitation Of',
			name: 'counterparty',
			description: 'Whether the invitation went to a vendor or to a customer',
			type: 'options',
			options: [
				{ name: 'Vendor', value: 'vendor' },
				{ name: 'Customer', value: 'customer' },
			],
			default: 'vendor',
		});
	if (both || operation !== 'inviteCustomer')
		properties.push({
			...vendorLocator('The vendor record the connection is for'),
			displayOptions: { show: show('vendor') },
		});
	if (both || operation === 'inviteCustomer')
		properties.push({
			...idLocator({
				name: 'customerId',
				displayName: 'Customer',
				object: 'customer',
				prefix: CUSTOMER_PREFIX,
				searchListMethod: 'searchCustomers',
				description: 'The customer record the connection is for',
			}),
			// "By ID" stays the default it was (saved workflows and the fixture keep it).
			default: { mode: 'id', value: '' },
			displayOptions: { show: show('customer') },
		});
	return properties;
}
