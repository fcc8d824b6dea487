import { createHash, createHmac } from "crypto";
import { hmacSha256, sha256, toHex, utf8 } from "../../../src/core/lists/sha256";
import { keyCheckValue, makeIdHasher } from "../../../src/core/lists/idHasher";

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));

describe("SHA-256 in the core", () => {
  test.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("FIPS 180-2 vector %j", (message, digest) => {
    expect(toHex(sha256(utf8(message)))).toBe(digest);
  });

  test("a million 'a' (FIPS 180-2)", () => {
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(97)))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    );
  });

  test.each([
    [
      "0b".repeat(20),
      "4869205468657265",
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    ],
    [
      "4a656665",
      toHex(utf8("what do ya want for nothing?")),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    ],
    [
      "aa".repeat(131),
      toHex(utf8("Test Using Larger Than Block-Size Key - Hash Key First")),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ],
  ])("RFC 4231 HMAC vector with key %s", (key, data, mac) => {
    expect(toHex(hmacSha256(hex(key), hex(data)))).toBe(mac);
  });

  test("agrees with Node's crypto on every length around the block boundaries, and on Chinese text", () => {
    for (let n = 0; n < 140; n++) {
      const text = "身份证".repeat(n % 3) + "x".repeat(n);
      expect(toHex(sha256(utf8(text)))).toBe(
        createHash("sha256").update(text, "utf8").digest("hex")
      );
      expect(toHex(hmacSha256(utf8("k".repeat(n)), utf8(text)))).toBe(
        createHmac("sha256", "k".repeat(n)).update(text, "utf8").digest("hex")
      );
    }
  });

  test("the ID hasher is the keyed HMAC, truncated, and differs per key", () => {
    const key = "教务处-2022-secret-key";
    const a = makeIdHasher(key);
    const b = makeIdHasher(key + "!");
    const id = "11010519491231002X";
    expect(a(id)).toBe(createHmac("sha256", key).update(id).digest("hex").slice(0, 32));
    expect(a(id)).not.toBe(b(id));
    expect(a(id)).not.toBe(createHash("sha256").update(id).digest("hex").slice(0, 32));
    expect(keyCheckValue(a)).not.toBe(keyCheckValue(b));
    expect(() => makeIdHasher("short")).toThrow(RangeError);
  });
});
