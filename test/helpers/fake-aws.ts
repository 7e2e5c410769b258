/** The HTTP stand-in for AWS the CLI tests start (one file for the tests and the bench: bench/http-aws.ts). */
export * from '../../bench/http-aws.js';
