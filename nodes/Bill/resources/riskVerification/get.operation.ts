import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['riskVerification'], operation: ['get'] } },
	properties,
);

/** Postman "Get risk verification details": `{processingStatus, decision, referenceId}`. decision IN_PROGRESS, REVIEW, HOLD, APPROVE or DECLINE (https://developer.bill.com/changelog/2024-07-22-risk-verification-decision-status-update). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/risk-verifications',
		itemIndex,
	});
}
