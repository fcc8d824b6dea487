import { heightRuns } from "../../src/adapters/office/queueWorkbookModel";

test("row heights go to Excel as runs of consecutive rows of one height", () => {
  expect(heightRuns({ 0: 28, 1: 20, 2: 20, 3: 20, 5: 20, 6: 30, 7: 30 })).toEqual([
    [0, 0, 28],
    [1, 3, 20],
    [5, 5, 20],
    [6, 7, 30],
  ]);
  expect(heightRuns({})).toEqual([]);
});
