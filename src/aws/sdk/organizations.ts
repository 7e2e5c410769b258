/** What listing an organization's accounts needs (src/aws/identity.ts, for scan --org), loaded only then. */
export { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
