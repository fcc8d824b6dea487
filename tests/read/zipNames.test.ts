/* Part names reused from the last directory read only when their bytes are the same. */
import { zipSync } from "fflate";
import { readZipDirectory } from "../../src/adapters/read/zipDirectory";

const zipOf = (names: string[]) =>
  zipSync(Object.fromEntries(names.map((n) => [n, new Uint8Array([1])])));
const namesOf = (bytes: Uint8Array) => [...readZipDirectory(bytes).keys()];

test("names of zips read one after another: alike, differing by a byte, longer, non-ASCII", () => {
  expect(namesOf(zipOf(["a/one.xml", "b.xml"]))).toEqual(["a/one.xml", "b.xml"]);
  expect(namesOf(zipOf(["a/one.xml", "b.xml"]))).toEqual(["a/one.xml", "b.xml"]);
  expect(namesOf(zipOf(["a/onf.xml", "b.xmll"]))).toEqual(["a/onf.xml", "b.xmll"]);
  expect(namesOf(zipOf(["表.xml", "/c.xml"]))).toEqual(["表.xml", "c.xml"]);
  expect(namesOf(zipOf(["a/onf.xml", "/c.xml"]))).toEqual(["a/onf.xml", "c.xml"]);
});
