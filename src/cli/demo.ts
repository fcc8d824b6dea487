import { mkdir } from "fs/promises";
import { join, resolve } from "path";
import { generate } from "./generate";
import type { Output } from "./output";

/** The bundled sample of the 2022 plan, beside the compiled CLI (dist/node/cli → samples). */
export const SAMPLE_DIR = resolve(__dirname, "..", "..", "..", "samples", "plan-2022");

/** Runs the whole job on the bundled 2022 sample and says where the output is. */
export async function demo(outDir: string | undefined, out: Output): Promise<number> {
  const dir = resolve(outDir ?? "out/demo");
  await mkdir(dir, { recursive: true });
  const quotaFile = join(dir, "2022-任务分配表.xlsx");
  out.stdout("第 1 步：由毕业生人数生成表1–表4");
  const code = await generate({ input: join(SAMPLE_DIR, "graduates.csv"), output: quotaFile }, out);
  if (code !== 0) return code;
  out.stdout("");
  out.stdout(`完成。输出在：${dir}`);
  out.stdout(`  任务分配表：${quotaFile}`);
  return 0;
}
