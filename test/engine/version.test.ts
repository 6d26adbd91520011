import * as fs from "node:fs";
import * as path from "node:path";
import { ENGINE_VERSION } from "../../src/engine/version";

describe("engine version", () => {
  it("is the package version, so a stamp names the release it came from", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
      version: string;
    };
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
