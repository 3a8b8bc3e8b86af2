import { searchBankAccounts } from './bankAccounts';
import { searchBills } from './bills';
import { searchCreditMemos } from './creditMemos';
import { searchCustomers } from './customers';
import { searchInvoices } from './invoices';
import { searchRecurringInvoices } from './recurringInvoices';
import { searchVendors } from './vendors';

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchBankAccounts,
	searchBills,
	searchCreditMemos,
	searchCustomers,
	searchInvoices,
	searchRecurringInvoices,
	searchVendors,
};
