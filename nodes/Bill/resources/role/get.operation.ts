import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { roleLocator } from './descriptions';

const properties: INodeProperties[] = [roleLocator('The role to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['role'], operation: ['get'] } },
	properties,
);

/** Postman "Get user role details". */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roleId = getId(this, itemIndex, 'roleId', 'Role', ID_PREFIX.role);
	return await billApiRequest.call(this, { method: 'GET', path: `/v3/roles/${roleId}`, itemIndex });
}
