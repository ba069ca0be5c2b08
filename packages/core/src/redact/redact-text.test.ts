import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { shannonEntropy } from "./entropy.js";
import { redactText } from "./redact-text.js";

// Fixture secrets are assembled at run time so that this file itself holds no literal key.
const AWS_KEY_ID = ["AKIA", "Z3MSJV4W", "WNQ7YBRT"].join("");
const GITHUB_TOKEN = ["ghp_", "wWPw5k4aXcaT4fNP0Uc", "nZwJUVFk6LO0pINUx"].join("");

describe("redactText", () => {
  it("replaces an AWS access key id and a GitHub token found by secretlint's rules", async () => {
    const source = `const id = "${AWS_KEY_ID}";\nconst gh = "${GITHUB_TOKEN}";\n`;
    const { text, counts } = await redactText(source, { fileName: "config.ts" });
    expect(text).toBe('const id = "<SECRET:aws>";\nconst gh = "<SECRET:github>";\n');
    expect(counts).toEqual({ "SECRET:aws": 1, "SECRET:github": 1 });
  });

  it("removes a PEM private key", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const { text, counts } = await redactText(`key:\n${pem}\nrest`);
    expect(text).not.toContain("PRIVATE KEY-----\nMII");
    expect(text).toContain("<SECRET:privatekey>");
    expect(counts["SECRET:privatekey"]).toBe(1);
    expect(text.endsWith("rest")).toBe(true);
    // the lines after the key keep their numbers
    const input = `key:\n${pem}\nrest`;
    expect(text.split("\n").length).toBe(input.split("\n").length);
    expect(text.split("\n").indexOf("rest")).toBe(input.split("\n").indexOf("rest"));
  });

  it("replaces high-entropy quoted strings and secret assignments, keeps ordinary code", async () => {
    const source = [
      'const signingKey = "q8Zr2LmX0vTw9KbN4yHs7PdE1fGc6JaU";',
      "db_password = Xk9#pL2$vQ7!",
      'const label = "the quick brown fox jumps over";',
      "const token = getToken();",
      "token = str.split('.'); const tokens = formatTokens(x);",
      "//! author : Tanguy Le Duigou",
    ].join("\n");
    const { text, counts } = await redactText(source);
    expect(text).toBe(
      [
        'const signingKey = "<SECRET:high-entropy>";',
        "db_password = <SECRET:high-entropy>",
        'const label = "the quick brown fox jumps over";',
        "const token = getToken();",
        "token = str.split('.'); const tokens = formatTokens(x);",
        "//! author : Tanguy Le Duigou",
      ].join("\n"),
    );
    expect(counts).toEqual({ "SECRET:high-entropy": 2 });
  });

  it("puts typed placeholders on e-mail addresses, IP addresses and phone numbers", async () => {
    const source = [
      "// maintainer: jane.doe@acme-corp.com",
      'const host = "93.184.216.34"; const v6 = "2a03:2880:f10c:83:face:b00c:0:25de";',
      "// call +1-202-555-0143 or (202) 555-0188",
      'listen("127.0.0.1"); std::vector<int> v; const version = "1.2.3.4";',
    ].join("\n");
    const { text, counts } = await redactText(source);
    expect(text).toBe(
      [
        "// maintainer: <EMAIL>",
        'const host = "<IP_ADDRESS>"; const v6 = "<IP_ADDRESS>";',
        "// call <PHONE> or <PHONE>",
        'listen("127.0.0.1"); std::vector<int> v; const version = "1.2.3.4";',
      ].join("\n"),
    );
    expect(counts).toEqual({ EMAIL: 1, IP_ADDRESS: 2, PHONE: 2 });
  });

  it("keeps addresses that identify no one: private, documentation, link-local ranges and netmasks", async () => {
    const source = [
      "Create a VPC with CIDR 10.0.0.0/16 and a subnet 172.31.0.0/20; the router is 192.168.1.1.",
      "Examples use 192.0.2.44, 198.51.100.7 and 203.0.113.25; the mask is 255.255.255.0.",
      "Metadata lives at 169.254.169.254; IPv6: 2001:db8::1, fe80::1ff:fe23:4567:890a, fd12:3456:789a::1.",
    ].join("\n");
    const { text, counts } = await redactText(source);
    expect(text).toBe(source);
    expect(counts).toEqual({});
  });

  it("leaves a text without secrets unchanged", async () => {
    const source = "export function add(a: number, b: number): number {\n  return a + b;\n}\n";
    expect(await redactText(source)).toEqual({ text: source, counts: {} });
  });
});

describe("shannonEntropy", () => {
  it("is log2 of the alphabet size for a uniform string", () => {
    expect(shannonEntropy("abcd")).toBeCloseTo(2, 12);
    expect(shannonEntropy("aaaa")).toBe(0);
  });
});
