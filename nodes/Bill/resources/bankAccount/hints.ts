// What the user is told when BILL refuses a bank account request.

export const MFA_AND_ADMIN_HINT =
	'Creating a bank account needs a BILL user with the ADMINISTRATOR role and an MFA-trusted session: put an MFA ID and its device name in the BILL credential (MFA → Validate Challenge with "Remember Me" on gives one, valid 30 days).';
