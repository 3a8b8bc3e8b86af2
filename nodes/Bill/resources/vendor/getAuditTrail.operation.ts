import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { pageOptions } from '../../helpers/getMany';
import { ID_PREFIX, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorLocator } from './descriptions';

const properties: INodeProperties[] = [
	vendorLocator('The vendor whose changes to list'),
	...returnAllOrLimit,
	{
		displayName: 'Include Archived',
		name: 'includeArchived',
		type: 'boolean',
		default: false,
		description: 'Whether to list the changes of an archived vendor too',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['getAuditTrail'] } },
	properties,
);

const PAGE = 100;

/**
 * `GET /v3/reports/audit-trail/vendor/{id}?includeArchived=&start=&max=` (Postman "Get audit trail
 * details for a vendor"): a bare array, paged by `start` (the index of the first record), not by
 * BILL's page tokens. BILL states no most for `max`: pages are asked for 100 and read until an
 * empty one, so a BILL that answers fewer per page is read through too. One item per record.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	const { returnAll, limit = 50 } = pageOptions(this, itemIndex);
	if (!returnAll && !(Number.isInteger(limit) && limit >= 1))
		throw invalid(
			this,
			itemIndex,
			'Limit',
			`must be a whole number of 1 or more, not ${String(limit)}`,
		);
	const includeArchived = this.getNodeParameter('includeArchived', itemIndex, false) as boolean;
	const records: IDataObject[] = [];
	for (;;) {
		const max = returnAll ? PAGE : Math.min(PAGE, limit - records.length);
		const page = (await billApiRequest.call(this, {
			method: 'GET',
			path: `/v3/reports/audit-trail/vendor/${vendorId}`,
			qs: { includeArchived, start: records.length, max },
			itemIndex,
		})) as unknown;
		const list = Array.isArray(page) ? (page as IDataObject[]) : [];
		records.push(...list);
		if (!list.length || (!returnAll && records.length >= limit)) break;
	}
	return records.map((record) => ({ vendorId, ...record }));
}
