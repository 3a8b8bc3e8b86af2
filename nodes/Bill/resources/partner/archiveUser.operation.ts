import { partnerUserAction } from './userAction';

export const { description, execute } = partnerUserAction('archiveUser', 'archive');
