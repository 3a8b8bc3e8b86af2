import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { act, actionDescription } from './action';

export const description = actionDescription('approve', 'APPROVE');

/** Approves a bill (see action.ts). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await act(this, itemIndex, 'APPROVE');
}
