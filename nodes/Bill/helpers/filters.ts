// BILL's list filters, shared with the Spend & Expense node: nodes/shared/filters.ts.
export * from '../../shared/filters';
