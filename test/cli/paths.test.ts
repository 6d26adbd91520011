import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CliError } from "../../src/cli/cli-error";
import { refuseExisting, refuseInputAsOutput, requireXlsxName, sameFile } from "../../src/cli/paths";

describe("output path checks", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-paths-"));
    fs.writeFileSync(path.join(dir, "in.xlsx"), "x");
    fs.symlinkSync(path.join(dir, "in.xlsx"), path.join(dir, "link.xlsx"));
    fs.linkSync(path.join(dir, "in.xlsx"), path.join(dir, "hard.xlsx"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("recognises the input file however it is spelled: same path, ./ and .., symlink, hard link", () => {
    const input = path.join(dir, "in.xlsx");
    expect(sameFile(input, path.join(dir, ".", "sub", "..", "in.xlsx"))).toBe(true);
    expect(sameFile(input, path.join(dir, "link.xlsx"))).toBe(true);
    expect(sameFile(input, path.join(dir, "hard.xlsx"))).toBe(true);
    expect(sameFile(input, path.join(dir, "other.xlsx"))).toBe(false);
    expect(() => refuseInputAsOutput(input, path.join(dir, "link.xlsx"))).toThrow(CliError);
  });

  it("refuses an existing file without --force and a name that is not .xlsx", () => {
    expect(() => refuseExisting(path.join(dir, "in.xlsx"), false)).toThrow(/Use --force/);
    expect(() => refuseExisting(path.join(dir, "in.xlsx"), true)).not.toThrow();
    expect(() => refuseExisting(path.join(dir, "new.xlsx"), false)).not.toThrow();
    expect(() => requireXlsxName("resultat.xls")).toThrow(CliError);
    expect(() => requireXlsxName("RESULTAT.XLSX")).not.toThrow();
  });
});
