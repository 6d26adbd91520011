import { MAX_ECHO, quoted, terminalSafe } from "../../src/workbook/safe-text";

describe("terminalSafe", () => {
  it("escapes C0 (but tab and newline), DEL, C1, bidi and zero-width characters; keeps Danish letters", () => {
    expect(terminalSafe("a\u001b[31mb\u0007c\u007fd\u0085e\u009bf")).toBe(
      "a\\u001b[31mb\\u0007c\\u007fd\\u0085e\\u009bf",
    );
    expect(terminalSafe("x\u202ey\u2066z\u200bw\u2028v\ufeff")).toBe(
      "x\\u202ey\\u2066z\\u200bw\\u2028v\\ufeff",
    );
    expect(terminalSafe("Århus\tKøge\nÆbeltoft 1.234 kr. – ok")).toBe("Århus\tKøge\nÆbeltoft 1.234 kr. – ok");
    expect(terminalSafe("a\rb")).toBe("a\\u000db");
  });

  it("keeps JSON valid and equal in meaning", () => {
    const value = { "Kom\u202emune\u0085": "a\\\u009b" };
    const text = terminalSafe(JSON.stringify(value));
    expect(text).not.toMatch(/[\u0085\u009b\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("quoted", () => {
  it("quotes, escapes and cuts long text (a 4 MB id is not echoed)", () => {
    expect(quoted('a"b\nc\u202e')).toBe('"a\\"b\\nc\\u202e"');
    const long = "x".repeat(4 * 1024 * 1024);
    const q = quoted(long);
    expect(q.length).toBe(MAX_ECHO + 3);
    expect(q.endsWith('…"')).toBe(true);
  });
});
