import { parseArgs, type OptionSpec } from "../../src/cli/args";
import { UsageError } from "../../src/cli/cli-error";

const specs: OptionSpec[] = [
  { name: "out", value: "<fil>", help: { da: "", en: "" } },
  { name: "json", help: { da: "", en: "" } },
  { name: "help", help: { da: "", en: "" } },
];

const usage = (argv: string[]): UsageError => {
  try {
    parseArgs(argv, specs);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error("expected a UsageError");
};

describe("parseArgs", () => {
  it("separates positionals, flags and options with values in both spellings", () => {
    const a = parseArgs(["a.xlsx", "--json", "--out", "b.xlsx"], specs);
    expect(a.positionals).toEqual(["a.xlsx"]);
    expect(a.options.get("json")).toBe(true);
    expect(a.options.get("out")).toBe("b.xlsx");
    expect(parseArgs(["--out=c d.xlsx"], specs).options.get("out")).toBe("c d.xlsx");
  });
  it("treats everything after -- as positionals, so a file may start with a dash", () => {
    expect(parseArgs(["--", "--json"], specs).positionals).toEqual(["--json"]);
  });
  it("knows -h as --help", () => {
    expect(parseArgs(["-h"], specs).options.get("help")).toBe(true);
  });
  it("rejects unknown options, repeated options, missing values and values on flags, in Danish and English", () => {
    expect(usage(["--outt", "x"]).text).toEqual({
      da: "Ukendt tilvalg: --outt",
      en: "Unknown option: --outt",
    });
    expect(usage(["--json", "--json"]).text.da).toContain("mere end én gang");
    expect(usage(["--out"]).text.en).toContain("needs a value");
    expect(usage(["--out", "--json"]).text.en).toContain("needs a value");
    expect(usage(["--json=yes"]).text.en).toContain("takes no value");
  });
  it("never puts an option name such as __proto__ onto an object prototype", () => {
    expect(usage(["--__proto__"]).text.en).toBe("Unknown option: --__proto__");
    expect(usage(["--constructor"]).text.en).toBe("Unknown option: --constructor");
  });
});
