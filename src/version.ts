/** The tool's version, written into snapshots, reports and journal entries. */
export const VERSION = '0.1.0';
