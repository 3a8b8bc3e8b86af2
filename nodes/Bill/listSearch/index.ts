import { searchBankAccounts } from './bankAccounts';
import { searchBills } from './bills';
import { searchPartnerOrganizations, searchPartnerUsers } from './partner';
import { searchVendors } from './vendors';

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchBankAccounts,
	searchBills,
	searchPartnerOrganizations,
	searchPartnerUsers,
	searchVendors,
};
