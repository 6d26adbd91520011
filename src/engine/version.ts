/**
 * Version of the calculation engine, printed in every result stamp (workbook-contract.md, "Writing rules").
 * It is the package version (package.json "version"): one number for the tool a stamp came from; a test
 * (test/engine/version.test.ts) keeps the two equal.
 */
export const ENGINE_VERSION = "0.1.0";
