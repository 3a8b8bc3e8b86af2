// The vendor or customer an invitation call names, read and checked; its BILL path.

import type { IExecuteFunctions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { CUSTOMER_PREFIX } from './descriptions';

export function invitationPath(
	context: IExecuteFunctions,
	itemIndex: number,
	kind?: 'vendor' | 'customer',
): string {
	const which = kind ?? (context.getNodeParameter('counterparty', itemIndex, 'vendor') as string);
	if (which === 'customer') {
		const id = getId(context, itemIndex, 'customerId', 'Customer', CUSTOMER_PREFIX);
		return `/v3/network/invitation/customer/${id}`;
	}
	const id = getId(context, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	return `/v3/network/invitation/vendor/${id}`;
}
