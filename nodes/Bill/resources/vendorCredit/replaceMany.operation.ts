import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { manyDescription, runMany } from './many';

export const description = manyDescription('replaceMany', 'replace');

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runMany(this, items, 'replace');
}
