export {
  createFakeExcel,
  FakeOfficeError,
  PAYLOAD_LIMIT_BYTES,
  type FakeExcel,
  type FakeStats,
  type FakeOp,
  type FakeExcelOptions,
  type FakeContext,
} from "./fake-excel";
export {
  fakeWorkbook,
  getCell,
  findSheet,
  readValues,
  type FakeWorkbookModel,
  type FakeWorkbookSeed,
  type FakeSheet,
  type FakeCell,
  type FakeName,
} from "./model";
