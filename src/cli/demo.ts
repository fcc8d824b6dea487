import { mkdir, rm } from "fs/promises";
import { join, resolve } from "path";
import { readQuotaLookup } from "../core/report/quotaLookup";
import { writeModelToFile, readGridsFromFile } from "../adapters/xlsx/node";
import { demoLists, demoReport } from "./demoReports";
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

/** The planted duplicate: the later college's first certificate has the earlier one's number. */
const PLANTED = { first: 3, second: 5 } as const;
const firstNumber = (college: number) => `ZS2019${String(college).padStart(3, "0")}00000`;

/** Each college's June report with its 培训名单 and 取证名单; returns the planted duplicate, said. */
async function writeReports(quotaFile: string, reports: string, out: Output): Promise<string> {
  const quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
  for (const [i, targets] of quotas.colleges.entries()) {
    const share = SHARES[i % SHARES.length]!;
    const sheet = demoReport(targets, MONTH, share, i === 1 ? 29 : 20 + (i % 6), i === 2);
    const planted = i === PLANTED.second ? firstNumber(PLANTED.first) : undefined;
    const lists = demoLists(targets, MONTH, share, i, planted);
    await writeModelToFile(
      { sheets: [sheet, ...lists] },
      join(reports, `${String(i + 1).padStart(2, "0")}-${targets.college}-2022年6月.xlsx`)
    );
  }
  out.stdout(`  已写入 ${quotas.colleges.length} 份（附件6 与培训名单、取证名单）：${reports}`);
  const [a, b] = [quotas.colleges[PLANTED.first]!, quotas.colleges[PLANTED.second]!];
  return `${b.college}取证名单第3行（J3）的证书编号 ${firstNumber(PLANTED.first)} 与${a.college}取证名单第3行相同`;
}

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
    "第 2 步：各学院 2022年6月 的月报表和名单（示例：人文学院 6月29日才报送，机械与电气信息学院的培训当月完成大于累计，两个学院的取证名单有一个相同的证书编号）"
  );
  const planted = await writeReports(quotaFile, reports, out);

  out.stdout("");
  out.stdout("第 3 步：检查月报表和名单");
  await validate({ files: await expandInputs([reports]), quotas: quotaFile }, out);

  out.stdout("");
  out.stdout("第 4 步：汇总到总表（名单不符或重复的报表不汇总）");
  // The demo's own master from an earlier run: a fresh one each time.
  await rm(master, { force: true });
  await rollup({ files: [reports], output: master, quotas: quotaFile }, out);

  out.stdout("");
  out.stdout(`完成。输出在：${dir}`);
  out.stdout(`  任务分配表：${quotaFile}`);
  out.stdout(`  各学院月报：${reports}`);
  out.stdout(`  总表（月报台账、名单台账、汇总2022-06）：${master}`);
  out.stdout(
    `  埋下的名单重复：${planted}；第 3 步对两个学院都报了错，第 4 步后一学院未汇总，前一学院列在“名单重复的另一方”和汇总表的“名单核对”中。`
  );
  return 0;
}
