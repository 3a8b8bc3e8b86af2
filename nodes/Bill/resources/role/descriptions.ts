// What the editor shows: the role parameter of Role → Get and User → Create / Update.

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';

export const roleLocator = (description: string, name = 'roleId') =>
	idLocator({
		name,
		displayName: 'Role',
		object: 'role',
		prefix: ID_PREFIX.role,
		searchListMethod: 'searchRoles',
		description,
	});
