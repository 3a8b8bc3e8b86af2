import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { bulkAction, manyDescription } from './archiveMany';

export const description = manyDescription('restoreMany', 'restore');

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await bulkAction(this, items, 'restore');
}
