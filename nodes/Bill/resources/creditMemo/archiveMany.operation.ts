import { bulkStateOperation } from './bulkState';

export const { description, executeBatch } = bulkStateOperation('archive');
