/**
 * The adapter's own suites (test/excel/office-workbook.{read,write,edit}.test.ts), run a second time through
 * Microsoft's real Office.js client (`@microsoft/office-js`, excel-web-16.00.debug.js) against the RichApi host
 * emulator: every request is serialized by the real client, sent over HTTP and answered in the real response
 * format, so proxies, load/sync, null objects, PropertyNotLoaded and error objects are Microsoft's code.
 */
import { useOfficeJsHost } from "../support/adapter-host";

useOfficeJsHost();

/* eslint-disable @typescript-eslint/no-require-imports -- the suites register their tests when loaded, after the host is chosen */
require("../excel/office-workbook.read.test");
require("../excel/office-workbook.write.test");
require("../excel/office-workbook.edit.test");
