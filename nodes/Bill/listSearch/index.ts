import { searchBankAccounts } from './bankAccounts';
import { searchBills } from './bills';
import { searchCustomers } from './customers';
import { searchInvoices } from './invoices';
import { searchVendors } from './vendors';

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchBankAccounts,
	searchBills,
	searchCustomers,
	searchInvoices,
	searchVendors,
};
