import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { actionProperties, reimbursementAction } from './action';

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['deny'] } },
	actionProperties('deny'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await reimbursementAction(this, itemIndex, 'DENY');
}
