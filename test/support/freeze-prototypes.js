// Untrusted workbooks must never be able to pollute prototypes (CVE-2023-30533 class of bugs).
// Freezing Object.prototype in every test makes any such attempt throw or be ignored visibly.
Object.freeze(Object.prototype);
Object.freeze(Array.prototype);
