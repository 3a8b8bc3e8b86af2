import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billLocator } from '../bill/descriptions';
import { act } from './action';
import { commentField } from './descriptions';

const properties: INodeProperties[] = [
	billLocator('The bill to deny'),
	commentField('Why it is denied, so the clerk knows what to fix'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['deny'] } },
	properties,
);

/** Denies a bill (see action.ts). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await act(this, itemIndex, 'DENY');
}
