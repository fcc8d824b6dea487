import { mkdir, rm } from "fs/promises";
import { join, resolve } from "path";
import { readQuotaLookup } from "../core/report/quotaLookup";
import { writeModelToFile, readGridsFromFile } from "../adapters/xlsx/node";
import { demoReport } from "./demoReports";
import { generate } from "./generate";
import type { Output } from "./output";
import { rollup } from "./rollup";
import { validate } from "./validate";
import { expandInputs } from "./expandInputs";

/** The bundled sample of the 2022 plan, beside the compiled CLI (dist/node/cli → samples). */
export const SAMPLE_DIR = resolve(__dirname, "..", "..", "..", "samples", "plan-2022");

const MONTH = { year: 2022, month: 6 };
/** How far each sample college has got by the end of June: most on track, some behind. */
const SHARES = [0.5, 0.46, 0.3, 0.52, 0.45, 0.6, 0.2, 0.48, 0.47, 0.5, 0.45, 0.49];

/** Runs the whole job on the bundled 2022 sample and says where the output is. */
export async function demo(outDir: string | undefined, out: Output): Promise<number> {
  const dir = resolve(outDir ?? "out/demo");
  const reports = join(dir, "月报-2022-06");
  await rm(reports, { recursive: true, force: true });
  await mkdir(reports, { recursive: true });
  const quotaFile = join(dir, "2022-任务分配表.xlsx");
  const master = join(dir, "2022-总表.xlsx");

  out.stdout("第 1 步：由毕业生人数生成表1–表4");
  const code = await generate({ input: join(SAMPLE_DIR, "graduates.csv"), output: quotaFile }, out);
  if (code !== 0) return code;

  out.stdout("");
  out.stdout(
    "第 2 步：各学院 2022年6月 的月报表（示例：人文学院 6月29日才报送，机械与电气信息学院的培训当月完成大于累计）"
  );
  const quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
  for (const [i, targets] of quotas.colleges.entries()) {
    const sheet = demoReport(
      targets,
      MONTH,
      SHARES[i % SHARES.length]!,
      i === 1 ? 29 : 20 + (i % 6),
      i === 2
    );
    await writeModelToFile(
      { sheets: [sheet] },
      join(reports, `${String(i + 1).padStart(2, "0")}-${targets.college}-2022年6月.xlsx`)
    );
  }
  out.stdout(`  已写入 ${quotas.colleges.length} 份：${reports}`);

  out.stdout("");
  out.stdout("第 3 步：检查月报表");
  await validate({ files: await expandInputs([reports]), quotas: quotaFile }, out);

  out.stdout("");
  out.stdout("第 4 步：汇总到总表");
  // The demo's own master from an earlier run: a fresh one each time.
  await rm(master, { force: true });
  await rollup({ files: [reports], output: master, quotas: quotaFile }, out);

  out.stdout("");
  out.stdout(`完成。输出在：${dir}`);
  out.stdout(`  任务分配表：${quotaFile}`);
  out.stdout(`  各学院月报：${reports}`);
  out.stdout(`  总表（月报台账、汇总2022-06）：${master}`);
  return 0;
}
