import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billLocator } from '../bill/descriptions';
import { act } from './action';
import { commentField } from './descriptions';

const properties: INodeProperties[] = [
	billLocator('The bill to approve'),
	commentField('Why it is approved, kept with the approval in BILL'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['approve'] } },
	properties,
);

/** Approves a bill (see action.ts). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await act(this, itemIndex, 'APPROVE');
}
