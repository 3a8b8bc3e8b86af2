import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { pageOptions } from '../../helpers/getMany';
import { billApiRequestAllItems } from '../../../shared/transport';
import { parentFields, parentPath } from './descriptions';

const properties: INodeProperties[] = [...parentFields('list'), ...returnAllOrLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/attachments/{customers|invoices|vendors}/{id}` (`max`, `page`): id, name, createdTime, downloadLink. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const parent = parentPath(this, itemIndex);
	return await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: parent.path, itemIndex },
		pageOptions(this, itemIndex),
	);
}
