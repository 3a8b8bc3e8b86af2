import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { creditBody } from './body';
import { creditFields, skipExistingField } from './descriptions';
import { createHint, createUnlessExists } from './existing';

const properties: INodeProperties[] = [...creditFields(false), skipExistingField];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendorCredit'], operation: ['create'] } },
	properties,
);

/**
 * `POST /v3/vendor-credits` → 201 (Postman "Create a vendor credit"). Not repeatable: a blind
 * repeat could make a second credit; "Skip Existing Reference Numbers" makes a re-run safe.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = creditBody(this, itemIndex, false);
	const create = async () =>
		await billApiRequest.call(this, {
			method: 'POST',
			path: '/v3/vendor-credits',
			body,
			itemIndex,
			uncertainHint: createHint([body]),
		});
	if (!(this.getNodeParameter('skipExisting', itemIndex, true) as boolean)) return await create();
	return await createUnlessExists(this, itemIndex, body, create);
}
