// What the editor shows: the user parameters several operations share.

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';

export const userLocator = (description: string) =>
	idLocator({
		name: 'userId',
		displayName: 'User',
		object: 'user',
		prefix: ID_PREFIX.user,
		searchListMethod: 'searchUsers',
		description,
	});
