import { partnerUserAction } from './userAction';

export const { description, execute } = partnerUserAction('restoreUser', 'restore');
