// What the two lists of funding-account users share (bank accounts: Postman "Get list of bank
// account users"; card accounts: "Get list of card account users"): their "Archived" filter,
// "Only Current User", the sort, and the request with BILL's `currentUser`.

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, sortField } from './descriptions';
import { type ListFilter, getManyItems } from './getMany';

/** The "Archived" option of the Filters: removed access, or current access. */
export const archivedAccessFilter: INodeProperties = {
	displayName: 'Archived',
	name: 'archived',
	type: 'boolean',
	default: false,
	description: 'Whether to return only removed access (on) or only current access (off)',
};

/** The parameters of a list of account users, around its Filters (`accounts`: "bank accounts"). */
export function accountUsersProperties(
	accounts: string,
	filtersField: INodeProperties,
): INodeProperties[] {
	return [
		...returnAllOrLimit,
		{
			displayName: 'Only Current User',
			name: 'currentUser',
			type: 'boolean',
			default: false,
			description: `Whether to list only the signed-in user's access to ${accounts}`,
		},
		filtersField,
		sortField([{ name: 'Archived', value: 'archived' }]),
	];
}

/** `GET path` with the Filters as `filters` declares, and BILL's `currentUser`. */
export async function getManyAccountUsers(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	filtersField: INodeProperties,
	filters: ListFilter[],
): Promise<IDataObject[]> {
	return await getManyItems(context, itemIndex, path, filtersField, filters, {
		currentUser: context.getNodeParameter('currentUser', itemIndex, false) === true,
	});
}
