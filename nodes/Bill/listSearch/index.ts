import { searchBankAccounts } from './bankAccounts';
import { searchBills } from './bills';
import { searchBillingStatements, searchRoles, searchUsers } from './organization';
import { searchPartnerOrganizations, searchPartnerRoles, searchPartnerUsers } from './partner';
import { searchVendors } from './vendors';

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchBankAccounts,
	searchBillingStatements,
	searchBills,
	searchPartnerOrganizations,
	searchPartnerRoles,
	searchPartnerUsers,
	searchRoles,
	searchUsers,
	searchVendors,
};
