import { inviteOperation } from './invite';

export const { description, execute } = inviteOperation('customer');
