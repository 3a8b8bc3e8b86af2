import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { manyDescription, runMany } from './many';

export const description = manyDescription('createMany', 'create');

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runMany(this, items, 'create');
}
