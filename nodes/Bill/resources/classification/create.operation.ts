import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { classificationBody } from './body';
import { MAIN_FIELDS, fieldsCollections, mainFields, skipExistingField } from './descriptions';
import { createHint, createUnlessExists } from './existing';
import { kindOf } from '../../helpers/classificationKinds';

const properties: INodeProperties[] = [
	...mainFields(),
	...fieldsCollections('additionalFields', 'Additional Fields', MAIN_FIELDS),
	skipExistingField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['classification'], operation: ['create'] } },
	properties,
);

/** The flat fields of one item: the main fields and its "Additional Fields". */
export function itemFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const info = kindOf(context);
	const fields: IDataObject = {};
	for (const field of MAIN_FIELDS)
		if (info.fields.includes(field)) fields[field] = context.getNodeParameter(field, itemIndex, '');
	return {
		...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		...fields,
	};
}

/**
 * `POST /v3/classifications/{type}` → 201 (Postman "Create a chart of accounts" and the like). Not
 * repeatable: a blind repeat could make a second one; "Skip Existing Names" makes a re-run safe.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const info = kindOf(this);
	const body = classificationBody(this, itemIndex, info, itemFields(this, itemIndex), true);
	const create = async () =>
		await billApiRequest.call(this, {
			method: 'POST',
			path: `/v3/classifications/${info.path}`,
			body,
			itemIndex,
			uncertainHint: createHint(info, [body]),
		});
	if (!(this.getNodeParameter('skipExisting', itemIndex, true) as boolean)) return await create();
	return await createUnlessExists(this, itemIndex, info, body, create);
}
