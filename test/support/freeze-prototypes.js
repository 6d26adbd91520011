// Untrusted workbooks must never be able to pollute prototypes (CVE-2023-30533 class of bugs).
// Freezing Object.prototype in every test makes any such attempt throw or be ignored visibly.
// exceljs (the .xlsx writer, src/file/xlsx-writer.ts) and its dependencies (dayjs, bl, …) assign
// `valueOf`/`toString` on their own prototype objects while loading; with Object.prototype frozen that
// assignment throws (the "override mistake"), although nothing is polluted. Load exceljs before freezing:
// it is then module-cached for the test file that follows. Reading untrusted files never uses exceljs.
require("exceljs");
Object.freeze(Object.prototype);
Object.freeze(Array.prototype);
