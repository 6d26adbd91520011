/** Version of the calculation engine, printed in every result stamp (workbook-contract.md, "Writing rules"). */
export const ENGINE_VERSION = "1.0.0";
